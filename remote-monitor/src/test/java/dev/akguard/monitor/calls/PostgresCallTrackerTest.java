package dev.akguard.monitor.calls;

import dev.akguard.testkit.fixtures.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/** Call tracking on PostgreSQL (a throw-away schema; see {@link PostgresSchema}). */
class PostgresCallTrackerTest extends CallTrackerTest {
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
