package dev.weblogs.amqp;

import dev.weblogs.failure.ConfigurationException;
import dev.weblogs.failure.Setting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of {@code amqps://} connections from PEM files, as RabbitMQ's TLS guide hands them out: the
 * authority that signed the broker's certificate, and optionally a client certificate and its key.
 */
final class TlsContext {

    private static final char[] NO_PASSWORD = new char[0];

    private TlsContext() {
    }

    /** @param caFile {@code null} for the JVM's own trust store */
    static SSLContext of(Path caFile, Path clientCertFile, Path clientKeyFile) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(caFile == null ? null : trustStore(caFile));
            KeyManagerFactory keys = null;
            if (clientCertFile != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore(clientCertFile, clientKeyFile), NO_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java: " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(Path caFile) throws GeneralSecurityException {
        Collection<? extends Certificate> authorities = certificates(caFile, Setting.BROKER_CA_FILE);
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate authority : authorities) {
            store.setCertificateEntry("ca-" + i++, authority);
        }
        return store;
    }

    private static KeyStore keyStore(Path certFile, Path keyFile) throws GeneralSecurityException {
        Collection<? extends Certificate> chain = certificates(certFile, Setting.BROKER_CLIENT_CERT_FILE);
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(keyFile), NO_PASSWORD, chain.toArray(new Certificate[0]));
        return store;
    }

    private static Collection<? extends Certificate> certificates(Path file, Setting setting) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(read(file, setting)));
            if (certificates.isEmpty()) {
                throw new ConfigurationException(setting, file + " holds no PEM certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(setting, file + " is not a PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    /** An unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}), RSA or EC. */
    private static PrivateKey privateKey(Path file) {
        String pem = new String(read(file, Setting.BROKER_CLIENT_KEY_FILE), StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new ConfigurationException(Setting.BROKER_CLIENT_KEY_FILE, file + " is not an unencrypted PKCS#8 PEM key "
                    + "(BEGIN PRIVATE KEY); convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // the other algorithm, then
            }
        }
        throw new ConfigurationException(Setting.BROKER_CLIENT_KEY_FILE, file + " is neither an RSA nor an EC key");
    }

    private static byte[] read(Path file, Setting setting) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException(setting, file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, NO_PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }
}
