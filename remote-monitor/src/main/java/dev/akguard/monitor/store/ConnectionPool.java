package dev.akguard.monitor.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a few idle connections for reuse. Reuse matters: a PostgreSQL connection costs a handshake, and closing
 * the last SQLite connection checkpoints and deletes the WAL (an fsync per transaction). Callers get a proxy
 * whose {@code close()} rolls back anything left open and returns the connection here.
 */
final class ConnectionPool implements AutoCloseable {

    interface Opener { Connection open() throws SQLException; }

    private final Opener opener;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    ConnectionPool(Opener opener, int maxIdle) {
        this.opener = opener;
        this.maxIdle = maxIdle;
    }

    Connection borrow() throws SQLException {
        Connection physical;
        while ((physical = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (!physical.isClosed()) return wrap(physical);
        }
        return wrap(opener.open());
    }

    private Connection wrap(Connection physical) {
        boolean[] released = {false};
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close" -> {
                    if (!released[0]) { released[0] = true; giveBack(physical); }
                    return null;
                }
                case "isClosed" -> { return released[0] || physical.isClosed(); }
                case "unwrap" -> { return physical.unwrap((Class<?>) args[0]); }
                default -> {
                    if (released[0]) throw new SQLException("connection already closed");
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private void giveBack(Connection physical) throws SQLException {
        boolean reusable = false;
        try {
            if (!physical.isClosed()) {
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
                reusable = !closed;
            }
        } catch (SQLException e) {
            reusable = false;
        }
        if (reusable && idleCount.incrementAndGet() <= maxIdle) {
            idle.addFirst(physical);
            if (closed) drain();
        } else {
            if (reusable) idleCount.decrementAndGet();
            physical.close();
        }
    }

    private void drain() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }
}
