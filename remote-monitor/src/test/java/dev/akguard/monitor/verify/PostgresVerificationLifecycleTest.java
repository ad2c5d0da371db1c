package dev.akguard.monitor.verify;

import dev.akguard.testkit.fixtures.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/** The verification lifecycle on PostgreSQL (a throw-away schema; see {@link PostgresSchema}). */
class PostgresVerificationLifecycleTest extends VerificationLifecycleTest {
    private PostgresSchema schema;

    @Override
    protected String jdbcUrl() throws Exception {
        schema = new PostgresSchema();
        return schema.url();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) schema.close();
    }
}
