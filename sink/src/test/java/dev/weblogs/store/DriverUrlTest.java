package dev.weblogs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DriverUrlTest {

    @Test
    void defaultsAreAddedAndTheUsersOwnValuesWin() {
        String url = DriverUrl.withPipelineSettings("jdbc:mysql://db:3306/weblogs?connectTimeout=1000&sslMode=REQUIRED");
        assertTrue(url.startsWith("jdbc:mysql://db:3306/weblogs?connectTimeout=1000&sslMode=REQUIRED&"), url);
        assertTrue(url.contains("createDatabaseIfNotExist=true"), url);
        assertFalse(url.contains("connectTimeout=5000"), url);
    }

    @Test
    void theSettingsTheWritesDependOnAreEnforced() {
        String url = DriverUrl.withPipelineSettings("jdbc:mysql://db/weblogs?useAffectedRows=false&rewriteBatchedStatements=false");
        assertTrue(url.contains("useAffectedRows=true"), url);
        assertTrue(url.contains("rewriteBatchedStatements=true"), url);
        assertFalse(url.contains("=false"), url);
    }

    @Test
    void theAddressShownHasNoUserInfoAndNoParameters() {
        assertEquals("db:3306/weblogs", DriverUrl.address("jdbc:mysql://user:secret@db:3306/weblogs?password=x"));
    }
}
