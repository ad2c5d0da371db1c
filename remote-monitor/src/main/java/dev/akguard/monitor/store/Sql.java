package dev.akguard.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repeated {@link PreparedStatement} code in one place: bind arguments in order, run, map rows.
 * Arguments may be {@code null}, strings, numbers, booleans, enums (stored by name) and {@link
 * Instant}s (stored as epoch ms).
 */
public final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {}

    /** Runs an INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the generated key of column {@code id}. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no generated key for: " + sql);
                return keys.getLong(1);
            }
        }
    }

    /** All rows of a query. */
    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        }
    }

    /** The first row of a query, if any. */
    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** Runs SQL without arguments (DDL, locks). */
    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A nullable BIGINT epoch-ms column as an instant. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int n = i + 1;
            if (a == null) ps.setNull(n, Types.NULL);
            else if (a instanceof Instant t) ps.setLong(n, t.toEpochMilli());
            else if (a instanceof Enum<?> e) ps.setString(n, e.name());
            else if (a instanceof String s) ps.setString(n, s);
            else if (a instanceof Long l) ps.setLong(n, l);
            else if (a instanceof Integer x) ps.setInt(n, x);
            else if (a instanceof Boolean b) ps.setBoolean(n, b);
            else
                throw new IllegalArgumentException(
                        "unsupported SQL argument type " + a.getClass().getName());
        }
    }
}
