package dev.weblogs.bench;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The clients of a busy site: {@value #DISTINCT} distinct addresses, mostly public IPv4, some IPv6, some
 * private (behind a proxy or on the campus network), and a few clients that make most of the requests.
 */
final class IpPool {

    static final int DISTINCT = 50_000;

    private final String[] addresses;

    IpPool(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> distinct = new LinkedHashSet<>();
        while (distinct.size() < DISTINCT) {
            double kind = random.nextDouble();
            distinct.add(kind < 0.88 ? publicIpv4(random) : kind < 0.94 ? ipv6(random) : privateIpv4(random));
        }
        addresses = distinct.toArray(String[]::new);
    }

    /** An address, the first ones far more often than the last: a cube of a uniform puts half the picks on 1/8. */
    String pick(SplittableRandom random) {
        double u = random.nextDouble();
        return addresses[(int) (u * u * u * addresses.length)];
    }

    private static String publicIpv4(SplittableRandom random) {
        while (true) {
            int a = random.nextInt(1, 224);
            int b = random.nextInt(256);
            if (a != 10 && a != 127 && !(a == 100 && b >= 64 && b < 128) && !(a == 169 && b == 254)
                    && !(a == 172 && b >= 16 && b < 32) && !(a == 192 && b == 168)) {
                return a + "." + b + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
            }
        }
    }

    private static String privateIpv4(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
            case 1 -> "172." + random.nextInt(16, 32) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
            default -> "192.168." + random.nextInt(256) + "." + random.nextInt(1, 255);
        };
    }

    /** Global unicast addresses of the regional registries, sometimes with a {@code ::} run of zeros. */
    private static String ipv6(SplittableRandom random) {
        String[] prefixes = {"2800", "2803", "2a02", "2a01", "2001", "2607", "2804", "2c0f"};
        String prefix = prefixes[random.nextInt(prefixes.length)];
        if (random.nextBoolean()) {
            return String.format(Locale.ROOT, "%s:%x:%x::%x", prefix, random.nextInt(0x10000),
                    random.nextInt(0x10000), random.nextInt(1, 0x10000));
        }
        return String.format(Locale.ROOT, "%s:%x:%x:%x:%x:%x:%x:%x", prefix, random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000));
    }
}
