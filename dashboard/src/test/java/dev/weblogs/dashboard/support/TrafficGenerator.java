package dev.weblogs.dashboard.support;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible web traffic, reproducible from a seed: skewed client IPs each in one country and city, a long tail
 * of URLs, realistic status, method, version, referrer and user-agent mixes, and a few lines the server wrote
 * twice. Rows come in time order over the given period.
 */
public final class TrafficGenerator {

    private static final String[][] PLACES = {
        {"United States", "New York", "Chicago", "Seattle"}, {"Colombia", "Bogotá", "Medellín", "Cali"},
        {"Germany", "Berlin", "Munich", "Hamburg"}, {"India", "Mumbai", "Bengaluru", "Delhi"},
        {"Brazil", "São Paulo", "Rio de Janeiro", "Recife"}, {"United Kingdom", "London", "Manchester", "Leeds"},
        {"France", "Paris", "Lyon", "Lille"}, {"Japan", "Tokyo", "Osaka", "Sapporo"},
        {"Canada", "Toronto", "Montreal", "Vancouver"}, {"Mexico", "Mexico City", "Guadalajara", "Monterrey"},
        {"Spain", "Madrid", "Barcelona", "Valencia"}, {"Australia", "Sydney", "Melbourne", "Perth"},
        {"Netherlands", "Amsterdam", "Rotterdam", "Utrecht"}, {"South Africa", "Johannesburg", "Cape Town", "Durban"},
        {"Russia", "Moscow", "Saint Petersburg", "Kazan"}, {"China", "Beijing", "Shanghai", "Shenzhen"},
        {"Nigeria", "Lagos", "Abuja", "Kano"}, {"Argentina", "Buenos Aires", "Córdoba", "Rosario"},
        {"Poland", "Warsaw", "Kraków", "Gdańsk"}, {"Singapore", "Singapore", "Singapore", "Singapore"},
    };
    private static final String[] HOSTS = {"app.example.com", "api.example.com", "www.example.com",
        "static.example.com", "admin.example.com"};
    private static final String[] SECTIONS = {"api/v1/items", "api/v1/users", "docs", "blog", "search", "static/js",
        "static/css", "images", "download", "account"};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://www.bing.com/search?q=logs",
        "https://duckduckgo.com/", "https://news.ycombinator.com/item?id=1", "https://t.co/abc",
        "https://github.com/example/project", "https://www.reddit.com/r/sysadmin/", "https://example.com/docs/start",
        "android-app://com.google.android.gm/", "https://stackoverflow.com/questions/1"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61",
        "curl/8.4.0", "Wget/1.21.4", "python-requests/2.31.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"};
    private static final String[] DOMAINS = {"@gmail.com", "@example.com", "@crypto.com", "@outlook.com", "@uni.edu"};
    private static final int[] STATUS = {200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 304, 304,
        302, 201, 404, 404, 403, 500, 502, 301};
    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST",
        "PUT", "DELETE", "HEAD", "OPTIONS"};

    private final Random random;
    private final int ips;
    private long line;

    /** @param ips how many distinct client IPs to draw from */
    public TrafficGenerator(long seed, int ips) {
        this.random = new Random(seed);
        this.ips = ips;
    }

    /** {@code count} rows spread evenly over {@code from .. to}. */
    public List<Row> rows(int count, LocalDateTime from, LocalDateTime to) {
        List<Row> rows = new ArrayList<>(count);
        long span = java.time.Duration.between(from, to).toSeconds();
        for (int i = 0; i < count; i++) {
            rows.add(row(from.plusSeconds(span * i / Math.max(1, count))));
        }
        return rows;
    }

    public Row row(LocalDateTime time) {
        int client = skewed(ips, 2.5);
        String[] place = PLACES[Math.floorMod(client * 31 + 7, PLACES.length)];
        String ip = (11 + client % 200) + "." + (client / 200 % 250) + "." + (client / 50_000 % 250) + "." + (client % 97 + 1);
        int status = STATUS[random.nextInt(STATUS.length)];
        String section = SECTIONS[skewed(SECTIONS.length, 1.5)];
        String url = "/" + section + "/" + skewed(4000, 2.0) + (random.nextInt(3) == 0 ? "?page=" + random.nextInt(20) : "");
        String user = random.nextInt(2) == 0 ? null : client % 3 == 0 ? "user" + client % 5000
                : "user" + client % 5000 + DOMAINS[client % DOMAINS.length];
        String referrer = random.nextInt(5) < 2 ? null : REFERRERS[skewed(REFERRERS.length, 1.5)];
        String agent = random.nextInt(50) == 0 ? null : AGENTS[Math.floorMod(client * 7 + random.nextInt(2), AGENTS.length)];
        String version = random.nextInt(4) == 0 ? "HTTP/2.0" : random.nextInt(20) == 0 ? "HTTP/1.0" : "HTTP/1.1";
        long size = status == 304 || random.nextInt(40) == 0 ? 0 : (long) (200 + 60_000 * Math.pow(random.nextDouble(), 3));
        int occurrences = random.nextInt(200) == 0 ? 2 : 1;
        Row row = Row.of(time, ip, url, status)
                .withPlace(place[0], place[1 + client % 3])
                .withUser(user)
                .withRequest(METHODS[random.nextInt(METHODS.length)], HOSTS[skewed(HOSTS.length, 1.5)], version)
                .withSize(size)
                .withAgent(referrer, agent)
                .withOccurrences(occurrences);
        // A line number in the raw line keeps ids distinct even when two rows draw the same values.
        return row.withLine(row.rawLine() + " " + line++);
    }

    /** 0 .. n-1, small values far more often: a few clients and URLs make most of the traffic. */
    private int skewed(int n, double power) {
        return (int) (n * Math.pow(random.nextDouble(), power));
    }
}
