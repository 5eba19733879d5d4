package dev.weblogs.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"181.58.38.180", "0.0.0.0", "255.255.255.255", "10.0.0.1", "1.2.3.0"})
    void ipv4(String ip) {
        assertTrue(IpLiteral.isValid(ip));
        assertTrue(IpLiteral.toAddress(ip) instanceof Inet4Address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "2001:db8::1", "2001:DB8::A", "fe80::a:b:c:d",
        "2001:0db8:0000:0000:0000:ff00:0042:8329", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
        "0:0:0:0:0:ffff:192.0.2.1", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"})
    void ipv6(String ip) {
        assertTrue(IpLiteral.isValid(ip));
    }

    @Test
    void addressBytesAreTheWrittenOnes() {
        assertArrayEquals(new byte[] {(byte) 181, 58, 38, (byte) 180}, IpLiteral.toAddress("181.58.38.180").getAddress());
        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = (byte) 0xb8;
        v6[15] = 1;
        assertArrayEquals(v6, IpLiteral.toAddress("2001:db8::1").getAddress());
        assertTrue(IpLiteral.toAddress("2001:db8::1") instanceof Inet6Address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "1..2.3", ".1.2.3", "1.2.3.",
        "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/24", "0x1.2.3.4", "1234.1.1.1",
        "01.2.3.4", "1.2.3.04", "010.0.0.1", "00.0.0.0",
        "1::2::3", ":::", ":1", "1:", "12345::1", "1:2:3:4:5:6:7:8:9", "[::1]", "fe80::1%eth0", "g::1",
        "::ffff:1.2.3", "::ffff:01.2.3.4", "::1.2.3.4:5",
        "١.٢.٣.٤", "１.２.３.４", "localhost", "example.org", "xn--bcher-kva.example", "-"})
    void anythingElseIsNotAnAddress(String s) {
        assertFalse(IpLiteral.isValid(s), s);
        assertNull(IpLiteral.toAddress(s));
    }

    @Test
    void longerThanAnyTextualAddressIsNotOne() {
        String ipv6WithIpv4 = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";

        assertTrue(IpLiteral.isValid(ipv6WithIpv4));
        assertFalse(IpLiteral.isValid("0" + ipv6WithIpv4));
    }

    @Test
    void namesAreNotResolved() {
        // localhost would resolve (from /etc/hosts) if the check fell back to a lookup.
        assertNull(IpLiteral.toAddress("localhost"));
    }
}
