package dev.pipelineharness.checks;

import dev.pipelineharness.api.JdbcEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads every row of a PostgreSQL table, column names lower-cased; a missing table reads as no rows. */
public final class TableReader {

    private final JdbcEndpoint endpoint;

    public TableReader(JdbcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public List<Map<String, Object>> readAll(String schema, String table) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password().reveal());
        try (Connection connection = DriverManager.getConnection(endpoint.url(), properties)) {
            if (!exists(connection, schema, table)) {
                return List.of();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM " + quote(schema) + "." + quote(table))) {
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
    }

    private static boolean exists(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, null)) {
            return tables.next();
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
