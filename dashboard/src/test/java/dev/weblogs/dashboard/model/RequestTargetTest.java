package dev.weblogs.dashboard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void thePathOfATargetIsWithoutSchemeHostQueryAndFragment() {
        assertEquals("/api/entitlements/get-license", RequestTarget.path(
                "https://app.knovel.com:443/api/entitlements/get-license?post={\"APIKEY\"%3A\"EE\"}"));
        assertEquals("/index.html", RequestTarget.path("/index.html?x=1#top"));
        assertEquals("/", RequestTarget.path("http://example.com"));
        assertEquals("*", RequestTarget.path("*"));
        assertEquals("/a/http://b", RequestTarget.path("/a/http://b"));
    }

    @Test
    void theSiteOfAReferrerIsItsHostInLowerCase() {
        assertEquals("example.org", RequestTarget.site("HTTPS://user@Example.ORG:8443/a?b"));
        assertEquals("[2001:db8::1]", RequestTarget.site("http://[2001:db8::1]:80/"), "as java.net.URI writes it");
        assertEquals("android-app-x", RequestTarget.site("android-app-x"));
        assertNull(RequestTarget.site(null));
    }

    @Test
    void idsRoundTrip() {
        String id = "9d57cae93bbc217eaf6a7ca546368c76";
        assertEquals(id, Md5.hex(Md5.high(id), Md5.low(id)));
        assertEquals("0000000000000001000000000000000f", Md5.hex(1, 15));
    }
}
