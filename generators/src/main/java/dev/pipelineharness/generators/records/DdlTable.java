package dev.pipelineharness.generators.records;

import dev.pipelineharness.api.DefinitionContext;
import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.PipelineFile;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * A table as the pipeline's PostgreSQL DDL creates it: its columns with their types, which may be
 * null, and its primary key. Only the {@code CREATE TABLE} statements are parsed (with JSqlParser);
 * the rest of a DDL file ({@code ALTER TABLE ... REPLICA IDENTITY}, functions) is left alone.
 *
 * @param file where the statement stands, for errors about a column
 * @param line the statement's first line in {@code file}
 */
record DdlTable(String name, List<Column> columns, List<String> primaryKey, PipelineFile file, int line) {

    /**
     * @param type the type's name as written, lower-cased, without arguments ({@code numeric}, {@code character varying})
     * @param arguments the type's numeric arguments ({@code numeric(12, 2)}: 12 and 2)
     */
    record Column(String name, String type, List<Integer> arguments, boolean notNull) {
    }

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?");
    private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9 _]*?)\\s*(?:\\(([^)]*)\\))?\\s*((?:\\[\\])*)");

    Location location() {
        return file.location(line, 1);
    }

    Optional<Column> column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    /** The table {@code name} of the pipeline's DDL, parsed; empty when no DDL file creates it. */
    static Optional<DdlTable> find(DefinitionContext definition, String name) {
        for (PipelineFile file : definition.pipeline().map(p -> p.postgresDdl()).orElse(List.of())) {
            String text = blankComments(file.text());
            for (int start = 0, end; start < text.length(); start = end + 1) {
                end = statementEnd(text, start);
                String statement = text.substring(start, end);
                Matcher create = CREATE_TABLE.matcher(statement);
                if (create.find() && create.group(1).toLowerCase(Locale.ROOT).equals(name)) {
                    int line = lineOf(text, start + create.start());
                    return Optional.of(parse(statement.trim(), file, line));
                }
            }
        }
        return Optional.empty();
    }

    private static DdlTable parse(String statement, PipelineFile file, int line) {
        CreateTable create;
        try {
            create = (CreateTable) CCJSqlParserUtil.parse(statement);
        } catch (JSQLParserException | ClassCastException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ScenarioDefinitionException(file.location(line, 1), "CREATE TABLE",
                    "cannot read the columns of this statement to derive records from it: "
                            + String.valueOf(reason).lines().findFirst().orElse("") + "; give the fields instead");
        }
        List<Column> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            String column = unquote(definition.getColumnName());
            String specs = definition.getColumnSpecs() == null ? ""
                    : String.join(" ", definition.getColumnSpecs()).toUpperCase(Locale.ROOT);
            if (specs.contains("PRIMARY KEY")) {
                primaryKey.add(column);
            }
            columns.add(column(column, definition.getColDataType().toString(), specs.contains("NOT NULL")
                    || specs.contains("PRIMARY KEY")));
        }
        for (Index index : create.getIndexes() == null ? List.<Index>of() : create.getIndexes()) {
            if ("PRIMARY KEY".equalsIgnoreCase(index.getType())) {
                index.getColumnsNames().forEach(column -> primaryKey.add(unquote(column)));
            }
        }
        List<Column> withKeysNotNull = columns.stream().map(c -> primaryKey.contains(c.name()) && !c.notNull()
                ? new Column(c.name(), c.type(), c.arguments(), true) : c).toList();
        return new DdlTable(unquote(create.getTable().getName()), withKeysNotNull, List.copyOf(primaryKey), file, line);
    }

    private static Column column(String name, String written, boolean notNull) {
        Matcher type = TYPE.matcher(written.toLowerCase(Locale.ROOT).trim());
        if (!type.matches()) {
            return new Column(name, written.toLowerCase(Locale.ROOT), List.of(), notNull);
        }
        List<Integer> arguments = new ArrayList<>();
        if (type.group(2) != null) {
            for (String argument : type.group(2).split(",")) {
                if (argument.trim().matches("\\d+")) {
                    arguments.add(Integer.parseInt(argument.trim()));
                }
            }
        }
        String base = type.group(1).trim().replaceAll("\\s+", " ") + (type.group(3).isEmpty() ? "" : "[]");
        return new Column(name, base, List.copyOf(arguments), notNull);
    }

    /** PostgreSQL folds unquoted names to lower case and keeps quoted ones. */
    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    /** The index of the statement's closing semicolon (or the text's end), quotes respected. */
    private static int statementEnd(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return text.length();
    }

    /** Comments replaced by spaces of the same length (newlines kept), so offsets still give lines. */
    private static String blankComments(String sql) {
        StringBuilder blanked = new StringBuilder(sql);
        Matcher comment = Pattern.compile("--[^\\n]*|(?s)/\\*.*?\\*/").matcher(sql);
        while (comment.find()) {
            for (int i = comment.start(); i < comment.end(); i++) {
                if (blanked.charAt(i) != '\n') {
                    blanked.setCharAt(i, ' ');
                }
            }
        }
        return blanked.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
