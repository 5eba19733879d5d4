package dev.weblogs.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** What every long-running program shares: start-up patience, metrics and verbosity. */
public final class ServiceOptions {

    @Option(names = "--startup-timeout", paramLabel = "<seconds>", defaultValue = "30",
            description = "How long to keep retrying a broker or database that cannot be reached at start.")
    private int startupTimeoutSeconds;

    @Option(names = "--metrics-port", paramLabel = "<port>",
            description = "Serve Prometheus metrics at http://host:<port>/metrics and health at /health.")
    private Integer metricsPort;

    /** Read by {@link Cli} before the command line is parsed, since logging is set up before that. */
    @Option(names = {"-v", "--verbose"}, description = "Log debug details and show stack traces.")
    private boolean verbose;

    public Duration startupTimeout() {
        if (startupTimeoutSeconds < 0) {
            throw new SettingException("--startup-timeout", "must not be negative, not " + startupTimeoutSeconds);
        }
        return Duration.ofSeconds(startupTimeoutSeconds);
    }

    /** The metrics port, or {@code null} when metrics are off. */
    public Integer metricsPort() {
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new SettingException("--metrics-port", "must be a port number 0-65535, not " + metricsPort);
        }
        return metricsPort;
    }

}
