package dev.weblogs.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts Java programs as separate processes, each in a new working directory of its own (so the
 * producer's STATE_DIR starts empty) and with only the settings the bench gives it: the pipeline's
 * programs exactly as users run them, {@code java -Xmx256m -jar <module>/target/<module>.jar}, and PerfTest.
 */
final class Programs {

    /** Heap of every pipeline program, as the memory item measures them. */
    static final String HEAP = "-Xmx256m";

    /** What a JVM may need from the bench's environment; none of the programs' settings (BATCH_SIZE...). */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final Path project;
    private final Path work;
    private final Cleanup cleanup;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private int started;

    private Programs(Path project, Path work, Cleanup cleanup) {
        this.project = project;
        this.work = work;
        this.cleanup = cleanup;
    }

    /**
     * Finds the programs' jars next to the bench's own jar, {@code <project>/bench/target/bench.jar}.
     *
     * @throws IllegalStateException when a jar is missing, saying how to build it
     */
    static Programs locate(Path work, Cleanup cleanup) {
        Path project = benchJar().getParent().getParent().getParent();
        Programs programs = new Programs(project, work, cleanup);
        for (Program program : Program.values()) {
            if (!Files.isRegularFile(programs.jar(program))) {
                throw new IllegalStateException(programs.jar(program) + " is missing: build the programs with "
                        + "'mvn -q -DskipTests package' in " + project + " (bench/run.sh does it unless --no-build)");
            }
        }
        return programs;
    }

    /** The project folder the jars were built in. */
    Path project() {
        return project;
    }

    static Path benchJar() {
        try {
            return Path.of(Programs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the bench jar is", e);
        }
    }

    /** Starts {@code program} with {@code settings} as environment variables and {@code args} on its command line. */
    RunningProgram start(Program program, Map<String, String> settings, String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(HEAP, "-jar", jar(program).toString()));
        arguments.addAll(List.of(args));
        return startJava(program.module(), settings, arguments);
    }

    /** Starts {@code java arguments...}. */
    RunningProgram startJava(String name, Map<String, String> settings, List<String> arguments) throws IOException {
        Path directory = Files.createDirectory(work.resolve(String.format("%02d-%s", ++started, name)));
        Path output = directory.resolve("output.log");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED);
        environment.putAll(settings);
        long startedNanos = System.nanoTime();
        return RunningProgram.watch(name, builder.start(), output, startedNanos, cleanup);
    }

    private Path jar(Program program) {
        return project.resolve(program.module()).resolve("target").resolve(program.module() + ".jar");
    }
}
