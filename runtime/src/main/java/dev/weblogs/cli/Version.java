package dev.weblogs.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code --version}: the version in the jar's manifest, and the Java running it. */
public final class Version implements IVersionProvider {

    @Spec
    private CommandSpec spec;

    @Override
    public String[] getVersion() {
        Object command = spec.userObject();
        String version = command.getClass().getPackage().getImplementationVersion();
        return new String[] {
            spec.name() + " " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
