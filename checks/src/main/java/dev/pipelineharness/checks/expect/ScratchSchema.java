package dev.pipelineharness.checks.expect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.JdbcEndpoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * A schema of its own in the topology's PostgreSQL, for one evaluation of an expectation: tables are
 * loaded from rows held in memory (column types follow the values: whole numbers BIGINT, other
 * numbers NUMERIC or DOUBLE PRECISION, booleans BOOLEAN, the rest TEXT), a query runs with the
 * schema first on the search path, and closing drops the schema with everything in it.
 */
final class ScratchSchema implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final String schema;

    ScratchSchema(JdbcEndpoint endpoint) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password().reveal());
        this.connection = DriverManager.getConnection(endpoint.url(), properties);
        this.schema = "expect_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
        }
    }

    /** Creates {@code table} with the union of the rows' columns (in first-seen order) and inserts the rows. */
    void load(String table, List<Map<String, Object>> rows) throws SQLException {
        load(table, rows, rows);
    }

    /** As {@link #load(String, List)}, with columns and types taken from {@code shape} (a superset of the rows). */
    void load(String table, List<Map<String, Object>> rows, List<Map<String, Object>> shape) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        shape.forEach(row -> columns.addAll(row.keySet()));
        List<String> ordered = new ArrayList<>(columns);
        List<String> definitions = new ArrayList<>();
        for (String column : ordered) {
            definitions.add(quote(column) + " " + type(shape, column));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + quote(table) + " (" + String.join(", ", definitions) + ")");
        }
        if (ordered.isEmpty() || rows.isEmpty()) {
            return;
        }
        String insert = "INSERT INTO " + quote(table) + " (" + String.join(", ", ordered.stream().map(ScratchSchema::quote).toList())
                + ") VALUES (" + String.join(", ", Collections.nCopies(ordered.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < ordered.size(); i++) {
                    Object value = row.get(ordered.get(i));
                    // nested values (an Avro record's sub-record) as JSON text, which a query can cast to jsonb
                    statement.setObject(i + 1, value instanceof Map || value instanceof List ? json(value) : value);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Runs a query; its rows with lower-cased column labels. */
    List<Map<String, Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        }
    }

    private static String type(List<Map<String, Object>> rows, String column) {
        // a column of times (records' event-time "as: timestamp|timestamptz|date") keeps its SQL type,
        // so the oracle's query can use date_trunc and intervals on it
        Set<Class<?>> kinds = new HashSet<>();
        rows.stream().map(row -> row.get(column)).filter(Objects::nonNull).forEach(v -> kinds.add(v.getClass()));
        if (kinds.size() == 1) {
            Class<?> kind = kinds.iterator().next();
            if (kind == OffsetDateTime.class) {
                return "TIMESTAMPTZ";
            }
            if (kind == LocalDateTime.class) {
                return "TIMESTAMP";
            }
            if (kind == LocalDate.class) {
                return "DATE";
            }
        }
        boolean whole = false;
        boolean decimal = false;
        boolean floating = false;
        boolean bool = false;
        boolean text = false;
        for (Map<String, Object> row : rows) {
            Object value = row.get(column);
            if (value == null) {
                continue;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                whole = true;
            } else if (value instanceof BigDecimal) {
                decimal = true;
            } else if (value instanceof Double || value instanceof Float) {
                floating = true;
            } else if (value instanceof Boolean) {
                bool = true;
            } else {
                text = true;
            }
        }
        if (text || (bool && (whole || decimal || floating))) {
            return "TEXT";
        }
        if (bool) {
            return "BOOLEAN";
        }
        if (floating) {
            return "DOUBLE PRECISION";
        }
        if (decimal) {
            return "NUMERIC";
        }
        return whole ? "BIGINT" : "TEXT";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a nested value as JSON: " + e.getMessage(), e);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            connection.close();
        }
    }
}
