package dev.akguard.console;

/**
 * The REST API tests on PostgreSQL: the console's queries (filters, search, paging) in the second
 * dialect.
 */
class PostgresConsoleApiTest extends ConsoleApiTest {
    private TestPostgres pg;

    @Override
    protected String jdbcUrl() throws Exception {
        pg = new TestPostgres();
        return pg.url();
    }

    @Override
    protected void storeClosed() throws Exception {
        pg.close();
    }
}
