package dev.akguard.console;

import dev.akguard.testkit.fixtures.PostgresSchema;

/**
 * The REST API tests on PostgreSQL: the console's queries (filters, search, paging) in the second
 * dialect.
 */
class PostgresConsoleApiTest extends ConsoleApiTest {
    private PostgresSchema pg;

    @Override
    protected String jdbcUrl() throws Exception {
        pg = new PostgresSchema();
        return pg.url();
    }

    @Override
    protected void storeClosed() throws Exception {
        pg.close();
    }
}
