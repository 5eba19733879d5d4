package dev.weblogs.dashboard.model;

import dev.weblogs.lifecycle.Stop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the browser and OS of each new user agent, apart from loading and following, since a parse takes
 * milliseconds and a busy log has tens of thousands of distinct agents: the panels show them as
 * "(not resolved yet)" for the while it takes, and every other number is there at once.
 */
public final class AgentResolver implements Runnable {

    private static final int BATCH = 200;
    private static final Duration IDLE = Duration.ofMillis(500);

    private final LogModel model;
    private final UserAgents agents;
    private final Stop stop;

    public AgentResolver(LogModel model, UserAgents agents, Stop stop) {
        this.model = model;
        this.agents = agents;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (!stop.isRequested()) {
            if (resolveSome() == 0 && !stop.pause(IDLE)) {
                return;
            }
        }
    }

    /** Resolves the next batch; returns how many it did. */
    public int resolveSome() {
        LogModel.Unresolved asked = model.unresolved(BATCH);
        if (asked.agents().isEmpty()) {
            return 0;
        }
        List<UserAgents.Agent> found = new ArrayList<>(asked.agents().size());
        for (String agent : asked.agents()) {
            found.add(agents.describe(agent));
        }
        model.resolved(asked, found);
        return found.size();
    }

    /** Resolves every agent known now, on the caller's thread. */
    public void resolveAll() {
        while (resolveSome() > 0) {
            // Each batch takes the write lock only to store its answers.
        }
    }
}
