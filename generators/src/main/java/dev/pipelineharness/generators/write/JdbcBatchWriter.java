package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.RowChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.Pacing;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Applies {@link RowChange}s to PostgreSQL in JDBC batches, in the order given: consecutive changes
 * of one table and kind share a batch, and each group of up to {@code commitEvery} changes is one
 * transaction, so commit order (what CDC sees) is the generated order.
 *
 * <p>{@linkplain #surviving Surviving restarts}, it also records each committed group in a table
 * of the schema ({@value #COMMITS_TABLE}) within the group's own transaction: when PostgreSQL goes
 * away (a restart, a crash), the writer reconnects, bounded by {@code reconnectWithin}, and a group
 * whose commit went unanswered is looked up there, so it is neither lost nor applied twice.
 */
public final class JdbcBatchWriter implements AutoCloseable {

    /** Where a surviving writer records its committed groups; not part of any pipeline's tables. */
    public static final String COMMITS_TABLE = "_harness_commits";

    private final JdbcEndpoint endpoint;
    private final String schema;
    private final int commitEvery;
    private final String writerId = UUID.randomUUID().toString();
    private Duration reconnectWithin = Duration.ZERO;
    private Connection connection;

    public JdbcBatchWriter(JdbcEndpoint endpoint, String schema, int commitEvery) throws SQLException {
        this.endpoint = endpoint;
        this.schema = schema;
        this.commitEvery = commitEvery;
        this.connection = connect();
    }

    /** Makes this writer survive PostgreSQL going away for up to {@code reconnectWithin} (see the class comment). */
    public JdbcBatchWriter surviving(Duration reconnectWithin) throws SQLException {
        this.reconnectWithin = reconnectWithin;
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + quote(schema) + "." + quote(COMMITS_TABLE)
                    + " (writer text NOT NULL, grp integer NOT NULL, PRIMARY KEY (writer, grp))");
        }
        connection.commit();
        return this;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password().reveal());
        Connection opened = DriverManager.getConnection(endpoint.url(), properties);
        opened.setAutoCommit(false);
        return opened;
    }

    /**
     * Writes every change; {@code committed} hears of each group of changes once its transaction
     * committed (the JDBC equivalent of an ack).
     */
    public void apply(List<RowChange> changes, Consumer<List<RowChange>> committed) throws SQLException {
        try {
            apply(changes, committed, new Pacer(new Pacing(changes.size(), Optional.empty(), 0, Optional.empty())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    /** As {@link #apply(List, Consumer)}, each change waiting for its slot of {@code pacer} before its group is written. */
    public void apply(List<RowChange> changes, Consumer<List<RowChange>> committed, Pacer pacer)
            throws SQLException, InterruptedException {
        for (int start = 0; start < changes.size(); start += commitEvery) {
            List<RowChange> group = changes.subList(start, Math.min(changes.size(), start + commitEvery));
            for (int i = 0; i < group.size(); i++) {
                pacer.acquire();
            }
            commitGroup(start / commitEvery, group);
            committed.accept(group);
            if (Thread.currentThread().isInterrupted()) {
                throw new SQLException("interrupted after committing " + (start + group.size()) + " changes");
            }
        }
    }

    private void commitGroup(int index, List<RowChange> group) throws SQLException {
        if (reconnectWithin.isZero()) {
            applyGroup(group);
            connection.commit();
            return;
        }
        long deadline = System.nanoTime() + reconnectWithin.toNanos();
        while (true) {
            try {
                applyGroup(group);
                try (PreparedStatement mark = connection.prepareStatement("INSERT INTO " + quote(schema) + "."
                        + quote(COMMITS_TABLE) + " (writer, grp) VALUES (?, ?)")) {
                    mark.setString(1, writerId);
                    mark.setInt(2, index);
                    mark.executeUpdate();
                }
                connection.commit();
                return;
            } catch (SQLException e) {
                if (!isConnectionLoss(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                reconnect(deadline, e);
                if (isCommitted(index)) {
                    return; // the commit went through; only its answer was lost
                }
            }
        }
    }

    /** SQL state class 08 (connection exception) or 57P (the server shut down or is starting). */
    private static boolean isConnectionLoss(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void reconnect(long deadline, SQLException lost) throws SQLException {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone already
        }
        SQLException last = lost;
        while (System.nanoTime() < deadline) {
            try {
                connection = connect();
                return;
            } catch (SQLException e) {
                last = e;
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // PostgreSQL is restarting; bounded by deadline
                if (Thread.currentThread().isInterrupted()) {
                    throw new SQLException("interrupted while reconnecting to PostgreSQL", e);
                }
            }
        }
        throw new SQLException("PostgreSQL did not accept a connection again within " + reconnectWithin.toSeconds()
                + " s of losing it: " + last.getMessage(), last);
    }

    private boolean isCommitted(int index) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + quote(schema) + "."
                + quote(COMMITS_TABLE) + " WHERE writer = ? AND grp = ?")) {
            query.setString(1, writerId);
            query.setInt(2, index);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        } finally {
            connection.rollback();
        }
    }

    private void applyGroup(List<RowChange> group) throws SQLException {
        int index = 0;
        while (index < group.size()) {
            RowChange first = group.get(index);
            int end = index;
            while (end < group.size() && group.get(end).table().equals(first.table())
                    && group.get(end).op() == first.op() && group.get(end).row().keySet().equals(first.row().keySet())) {
                end++;
            }
            List<RowChange> run = group.subList(index, end);
            List<String> columns = new ArrayList<>(first.row().keySet());
            try (PreparedStatement statement = connection.prepareStatement(sql(first, columns))) {
                for (RowChange change : run) {
                    bind(statement, change, columns);
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new SQLException("writing " + run.size() + " " + first.op() + "s into " + schema + "."
                        + first.table() + " failed: " + e.getMessage(), e);
            }
            index = end;
        }
    }

    private String sql(RowChange change, List<String> columns) {
        String table = quote(schema) + "." + quote(change.table());
        List<String> values = new ArrayList<>();
        columns.forEach(c -> values.add(quote(c)));
        return switch (change.op()) {
            case INSERT -> "INSERT INTO " + table + " (" + String.join(", ", values) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            case UPDATE -> {
                List<String> sets = new ArrayList<>();
                for (String column : columns) {
                    if (!change.keyColumns().contains(column)) {
                        sets.add(quote(column) + " = ?");
                    }
                }
                yield "UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + keyCondition(change);
            }
            case DELETE -> "DELETE FROM " + table + " WHERE " + keyCondition(change);
        };
    }

    private static String keyCondition(RowChange change) {
        List<String> conditions = new ArrayList<>();
        change.keyColumns().forEach(k -> conditions.add(quote(k) + " = ?"));
        return String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement statement, RowChange change, List<String> columns) throws SQLException {
        int parameter = 1;
        Map<String, Object> row = change.row();
        switch (change.op()) {
            case INSERT -> {
                for (String column : columns) {
                    statement.setObject(parameter++, row.get(column));
                }
            }
            case UPDATE -> {
                for (String column : columns) {
                    if (!change.keyColumns().contains(column)) {
                        statement.setObject(parameter++, row.get(column));
                    }
                }
                for (String key : change.keyColumns()) {
                    statement.setObject(parameter++, row.get(key));
                }
            }
            case DELETE -> {
                for (String key : change.keyColumns()) {
                    statement.setObject(parameter++, row.get(key));
                }
            }
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a lost connection has nothing to roll back; the server dropped the transaction
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
