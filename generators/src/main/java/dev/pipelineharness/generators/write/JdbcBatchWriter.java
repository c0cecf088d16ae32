package dev.pipelineharness.generators.write;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.generators.RowChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import dev.pipelineharness.generators.Pacer;
import dev.pipelineharness.generators.Pacing;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Applies {@link RowChange}s to PostgreSQL in JDBC batches, in the order given: consecutive changes
 * of one table and kind share a batch, and each group of up to {@code commitEvery} changes is one
 * transaction, so commit order (what CDC sees) is the generated order.
 */
public final class JdbcBatchWriter implements AutoCloseable {

    private final Connection connection;
    private final String schema;
    private final int commitEvery;

    public JdbcBatchWriter(JdbcEndpoint endpoint, String schema, int commitEvery) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password().reveal());
        this.connection = DriverManager.getConnection(endpoint.url(), properties);
        this.connection.setAutoCommit(false);
        this.schema = schema;
        this.commitEvery = commitEvery;
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
            applyGroup(group);
            connection.commit();
            committed.accept(group);
            if (Thread.currentThread().isInterrupted()) {
                throw new SQLException("interrupted after committing " + (start + group.size()) + " changes");
            }
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
                connection.rollback();
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

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
