package dev.weblogs.bench;

import dev.weblogs.geo.GeoLocator;
import dev.weblogs.row.Location;
import dev.weblogs.parse.AccessLogParser;
import dev.weblogs.row.LineId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Item 6 under JMH: the clean consumer's CPU work per line, without broker or database. Inputs are built
 * before measuring and cycled through, so the measurement is the parser and the lookup, not the generator.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmarks {

    /** Distinct lines cycled through: more than any CPU cache holds, as a real log is. */
    private static final int LINES = 1 << 16;
    /** Lookups cycled through: enough draws for every address of the pool to come up. */
    private static final int LOOKUPS = 1 << 20;

    /** Generated lines, as the consumer receives them: UTF-8 bytes. */
    @State(Scope.Thread)
    public static class Lines {
        final AccessLogParser parser = new AccessLogParser();
        byte[][] lines;
        int next;

        @Setup
        public void generate() {
            InputGenerator generator = new InputGenerator(6);
            lines = new byte[LINES][];
            for (int k = 0; k < LINES; k++) {
                lines[k] = generator.line(k).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** The bundled GeoIP database, and client addresses as the log repeats them. */
    @State(Scope.Thread)
    public static class Addresses {
        GeoLocator geo;
        String[] ips;
        int next;

        @Setup
        public void open() {
            geo = GeoLocator.open(null);
            IpPool pool = new IpPool(6);
            SplittableRandom random = new SplittableRandom(6);
            ips = new String[LOOKUPS];
            for (int i = 0; i < LOOKUPS; i++) {
                ips[i] = pool.pick(random);
            }
        }

        @TearDown
        public void close() throws IOException {
            geo.close();
        }
    }

    /** What the clean consumer does to every line before geolocating it: parse it and compute its id. */
    @Benchmark
    public void parseAndHash(Lines state, Blackhole blackhole) {
        byte[] line = state.lines[state.next++ & (LINES - 1)];
        blackhole.consume(state.parser.parse(line));
        blackhole.consume(LineId.of(line));
    }

    /** A lookup with the per-address cache, as the consumer makes it. */
    @Benchmark
    public Location geoLookup(Addresses state) {
        return state.geo.locate(state.ips[state.next++ & (LOOKUPS - 1)]);
    }
}
