package dev.weblogs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the figures were measured on, so that they can be compared with a rerun elsewhere. */
record Machine(String cpu, String memory, String os, String java, String rabbitmq, String database, String load,
               String command) {

    static Machine describe(Services services, String command) throws IOException {
        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown model");
        long listed = cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
        String cpu = model + ", " + listed + " in /proc/cpuinfo, nproc " + Runtime.getRuntime().availableProcessors();
        long memoryKilobytes = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        String os = osRelease() + ", Linux " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return new Machine(cpu, String.format(Locale.ROOT, "%.1f GiB", memoryKilobytes / 1048576.0), os, java,
                services.rabbitVersion(), services.databaseVersion(),
                load[0] + " " + load[1] + " " + load[2] + " (1, 5, 15 min) when the bench started", command);
    }

    private static String osRelease() throws IOException {
        Path release = Path.of("/etc/os-release");
        if (!Files.exists(release)) {
            return System.getProperty("os.name");
        }
        return Files.readAllLines(release).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst()
                .orElse(System.getProperty("os.name"));
    }

    Map<String, String> asMap() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("CPU", cpu);
        described.put("RAM", memory);
        described.put("OS", os);
        described.put("Java", java);
        described.put("RabbitMQ", rabbitmq);
        described.put("Database", database);
        described.put("Load average", load);
        described.put("Command", command);
        return described;
    }
}
