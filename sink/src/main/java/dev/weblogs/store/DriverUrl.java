package dev.weblogs.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDBC URL the pipeline connects with: the user's, with the driver settings the pipeline relies on. */
final class DriverUrl {

    private static final Logger log = LoggerFactory.getLogger(DriverUrl.class);

    /** Defaults the user's URL may change. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "createDatabaseIfNotExist", "true",
            "characterEncoding", "UTF-8",
            "connectTimeout", "5000",
            "socketTimeout", "60000");

    /** Settings the writes depend on, whatever the user's URL says. */
    private static final Map<String, String> REQUIRED = Map.of(
            // One multi-row INSERT per batch instead of one round trip per row.
            "rewriteBatchedStatements", "true",
            // A row left as it was (a duplicate) then counts 0 in ROW_COUNT(), a new one 1.
            "useAffectedRows", "true");

    private DriverUrl() {
    }

    static String withPipelineSettings(String url) {
        int question = url.indexOf('?');
        String base = question < 0 ? url : url.substring(0, question);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (question >= 0) {
            for (String parameter : url.substring(question + 1).split("&")) {
                int equals = parameter.indexOf('=');
                if (!parameter.isEmpty()) {
                    parameters.put(equals < 0 ? parameter : parameter.substring(0, equals),
                            equals < 0 ? "" : parameter.substring(equals + 1));
                }
            }
        }
        DEFAULTS.forEach(parameters::putIfAbsent);
        REQUIRED.forEach((name, value) -> {
            String given = parameters.put(name, value);
            if (given != null && !given.equalsIgnoreCase(value)) {
                log.warn("the database URL sets {}={}; the pipeline needs {}={} and uses that", name, given, name, value);
            }
        });
        StringBuilder result = new StringBuilder(base);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            result.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return result.toString();
    }

    /** host:port/database of a JDBC URL, without user info or parameters. */
    static String address(String url) {
        String rest = url.replaceFirst("^jdbc:[a-z]+://", "");
        rest = rest.substring(rest.lastIndexOf('@') + 1);
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }
}
