package dev.weblogs.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the three programs as the user runs it: {@code java -jar <module>.jar}, in a process of its own. */
final class ProgramProcess implements AutoCloseable {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private final String name;
    private final Process process;
    private final Path output;

    private ProgramProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** Starts {@code module}'s jar with {@code env} added to the environment; output goes to a file in {@code dir}. */
    static ProgramProcess start(String module, Map<String, String> env, Path dir, String... args) throws IOException {
        return start(module, env, dir, null, args);
    }

    /** As {@link #start}, with {@code input} (unless {@code null}) as its standard input, as a pipe would give it. */
    static ProgramProcess start(String module, Map<String, String> env, Path dir, Path input, String... args)
            throws IOException {
        Path jar = PROJECT.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault tests run the packaged programs");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, module + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        return new ProgramProcess(module, builder.start(), output);
    }

    /** {@code kill -9}: no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit status. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return exitStatus(timeout);
    }

    int exitStatus(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
