package dev.weblogs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "elizabeth.usugal@crypto.com, @crypto.com",
        "a@b.co, @b.co",
        "First.Last+tag@Mail.Example.ORG, @Mail.Example.ORG",
        "josé.pérez@correo.example.co, @correo.example.co",
        "user@bücher.de, @bücher.de",
        "x@my-host.example, @my-host.example",
        "x@1.2, @1.2",
    })
    void domainFromTheAtSignOn(String user, String domain) {
        assertEquals(domain, EmailAddress.domainOf(user));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pablor.martinez", "Elizabeth.santa", "-", "", "@crypto.com", "user@", "user@localhost",
        "a@b@c.com", "user@crypto..com", "user@.crypto.com", "user@crypto.com.", "us er@crypto.com",
        "user\t@crypto.com", "user@cry_pto.com", "user@crypto.com/x", "user@[192.0.2.1]"})
    void notAnEmailAddress(String user) {
        assertNull(EmailAddress.domainOf(user));
    }

    @Test
    void noUserIsNoEmail() {
        assertNull(EmailAddress.domainOf(null));
    }
}
