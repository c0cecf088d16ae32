package dev.pipelineharness.checks.expect;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * SQL a user wrote in a scenario ({@code query: ...}) or in a file ({@code query-file: oracle.sql}),
 * with where it was written, so PostgreSQL's error position becomes a file and line the user can open.
 */
record UserSql(String text, Location firstLine, boolean block) {

    static UserSql from(Params params, String inlineKey, String fileKey, DefinitionContext definition) {
        if (params.has(inlineKey) == params.has(fileKey)) {
            throw params.error(params.has(inlineKey) ? fileKey : "", "give exactly one of '" + inlineKey
                    + "' (SQL in the scenario) or '" + fileKey + "' (a file of SQL, relative to the scenario)");
        }
        if (params.has(inlineKey)) {
            String text = params.string(inlineKey).strip();
            if (text.isEmpty()) {
                throw params.error(inlineKey, "is empty");
            }
            return new UserSql(text, params.location(inlineKey), params.string(inlineKey).contains("\n"));
        }
        String written = params.string(fileKey);
        Path file = definition.resolve(written);
        try {
            String text = Files.readString(file).strip();
            if (text.isEmpty()) {
                throw params.error(fileKey, "file '" + written + "' is empty");
            }
            return new UserSql(text.endsWith(";") ? text.substring(0, text.length() - 1) : text,
                    new Location(written, 1, 0), false);
        } catch (IOException e) {
            throw params.error(fileKey, "file '" + written + "' not found or unreadable (looked for " + file + ")");
        }
    }

    /** The location of line {@code n} (1-based) of the SQL text. */
    Location line(int n) {
        if (firstLine.line() <= 0) {
            return firstLine;
        }
        // a YAML block scalar (query: |) starts on the line after its key
        int offset = block ? n : n - 1;
        return new Location(firstLine.file(), firstLine.line() + offset, 0);
    }

    /** An error message naming where in the user's SQL PostgreSQL found the problem. */
    String explain(SQLException e) {
        int position = 0;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            position = server.getPosition();
        }
        String message = e.getMessage().lines().findFirst().orElse(e.getMessage());
        if (position <= 0 || position > text.length() + 1) {
            return firstLine + ": " + message;
        }
        String before = text.substring(0, position - 1);
        int lineNumber = (int) before.chars().filter(c -> c == '\n').count() + 1;
        String lineText = text.lines().skip(lineNumber - 1).findFirst().orElse("");
        return line(lineNumber) + ": " + message + System.lineSeparator() + "  " + lineText.strip();
    }
}
