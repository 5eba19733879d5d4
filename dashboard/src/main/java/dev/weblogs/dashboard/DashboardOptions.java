package dev.weblogs.dashboard;

import dev.weblogs.cli.SettingException;
import picocli.CommandLine.Option;

/** Where the dashboard serves its page. */
public final class DashboardOptions {

    @Option(names = "--dashboard-port", paramLabel = "<port>", defaultValue = "8000",
            description = "Serve the page at http://host:<port>/ (0: any free port).")
    private int port;

    @Option(names = "--dashboard-host", paramLabel = "<address>", defaultValue = "0.0.0.0",
            description = "Address to listen on: 127.0.0.1 keeps the page to this machine.")
    private String host;

    public int port() {
        if (port < 0 || port > 65535) {
            throw new SettingException("--dashboard-port", "must be a port number 0-65535, not " + port);
        }
        return port;
    }

    public String host() {
        return host;
    }
}
