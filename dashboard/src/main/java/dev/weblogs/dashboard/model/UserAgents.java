package dev.weblogs.dashboard.model;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Browser and operating system of a user agent, by Yauaa. The model asks once per distinct user agent, so the
 * analyzer keeps no cache of its own.
 */
public final class UserAgents {

    private UserAgentAnalyzer analyzer;

    /** What a user agent string says; both {@code null} for a row without one. */
    public record Agent(String browser, String system) {
    }

    /** Built on first use, on the loading thread: its rules take a few seconds to compile. */
    private synchronized UserAgentAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = UserAgentAnalyzer.newBuilder()
                    .hideMatcherLoadStats()
                    .withoutCache()
                    .withField(UserAgent.AGENT_NAME)
                    .withField(UserAgent.OPERATING_SYSTEM_NAME)
                    .immediateInitialization()
                    .build();
        }
        return analyzer;
    }

    public Agent describe(String userAgent) {
        if (userAgent == null) {
            return new Agent(null, null);
        }
        UserAgent parsed = analyzer().parse(userAgent);
        return new Agent(parsed.getValue(UserAgent.AGENT_NAME), parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME));
    }
}
