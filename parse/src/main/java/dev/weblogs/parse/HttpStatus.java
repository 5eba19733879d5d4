package dev.weblogs.parse;

/**
 * Reason phrases of the IANA HTTP Status Code Registry, with the names RFC 9110 gives them.
 * Codes the registry marks unused (306, 418) or does not list (nginx's 499, say) have none.
 */
public final class HttpStatus {

    private static final String[] PHRASES = new String[600];

    static {
        register(100, "Continue");
        register(101, "Switching Protocols");
        register(102, "Processing");
        register(103, "Early Hints");
        register(200, "OK");
        register(201, "Created");
        register(202, "Accepted");
        register(203, "Non-Authoritative Information");
        register(204, "No Content");
        register(205, "Reset Content");
        register(206, "Partial Content");
        register(207, "Multi-Status");
        register(208, "Already Reported");
        register(226, "IM Used");
        register(300, "Multiple Choices");
        register(301, "Moved Permanently");
        register(302, "Found");
        register(303, "See Other");
        register(304, "Not Modified");
        register(305, "Use Proxy");
        register(307, "Temporary Redirect");
        register(308, "Permanent Redirect");
        register(400, "Bad Request");
        register(401, "Unauthorized");
        register(402, "Payment Required");
        register(403, "Forbidden");
        register(404, "Not Found");
        register(405, "Method Not Allowed");
        register(406, "Not Acceptable");
        register(407, "Proxy Authentication Required");
        register(408, "Request Timeout");
        register(409, "Conflict");
        register(410, "Gone");
        register(411, "Length Required");
        register(412, "Precondition Failed");
        register(413, "Content Too Large");
        register(414, "URI Too Long");
        register(415, "Unsupported Media Type");
        register(416, "Range Not Satisfiable");
        register(417, "Expectation Failed");
        register(421, "Misdirected Request");
        register(422, "Unprocessable Content");
        register(423, "Locked");
        register(424, "Failed Dependency");
        register(425, "Too Early");
        register(426, "Upgrade Required");
        register(428, "Precondition Required");
        register(429, "Too Many Requests");
        register(431, "Request Header Fields Too Large");
        register(451, "Unavailable For Legal Reasons");
        register(500, "Internal Server Error");
        register(501, "Not Implemented");
        register(502, "Bad Gateway");
        register(503, "Service Unavailable");
        register(504, "Gateway Timeout");
        register(505, "HTTP Version Not Supported");
        register(506, "Variant Also Negotiates");
        register(507, "Insufficient Storage");
        register(508, "Loop Detected");
        register(510, "Not Extended");
        register(511, "Network Authentication Required");
    }

    private HttpStatus() {
    }

    private static void register(int code, String phrase) {
        PHRASES[code] = phrase;
    }

    /** The registered reason phrase of {@code code}, or {@code null} when the registry lists none. */
    public static String reasonPhrase(int code) {
        return code >= 0 && code < PHRASES.length ? PHRASES[code] : null;
    }
}
