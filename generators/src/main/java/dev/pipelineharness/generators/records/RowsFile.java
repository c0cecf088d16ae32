package dev.pipelineharness.generators.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pipelineharness.generators.RowChange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows recorded in a file, read once at load time so a bad line is an error naming the file and
 * line: JSON lines (one object per line; blank lines and lines starting with {@code //} skipped),
 * CSV with a header line (an empty cell is null; a cell that reads as an integer or a decimal becomes
 * that number), or Debezium change envelopes as JSON lines ({@code {"op": "c", "before": ..., "after": ...}},
 * also wrapped in {@code {"payload": ...}}; {@code c} and {@code r} insert {@code after}, {@code u}
 * updates to {@code after}, {@code d} deletes {@code before}).
 */
public final class RowsFile {

    public static final List<String> FORMATS = List.of("jsonl", "csv", "debezium");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** One row of the file and the line it was written on. */
    public record FileRow(int line, RowChange.Op op, Map<String, Object> row) {
    }

    /** A file that cannot be read as rows, with the line at fault (0 for the whole file). */
    public static final class BadFileException extends Exception {
        private final int line;

        BadFileException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private RowsFile() {
    }

    /** The format a file name implies: {@code .csv} is CSV, anything else JSON lines. */
    public static String formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "jsonl";
    }

    public static List<FileRow> read(Path file, String format) throws IOException, BadFileException {
        return switch (format) {
            case "csv" -> csv(file);
            case "debezium" -> debezium(file);
            default -> jsonLines(file);
        };
    }

    private static List<FileRow> jsonLines(Path file) throws IOException, BadFileException {
        List<FileRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = parse(lines.get(i), i + 1);
            if (node != null) {
                rows.add(new FileRow(i + 1, RowChange.Op.INSERT, object(node, i + 1)));
            }
        }
        return rows;
    }

    private static List<FileRow> debezium(Path file) throws IOException, BadFileException {
        List<FileRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            JsonNode node = parse(lines.get(i), line);
            if (node == null) {
                continue;
            }
            JsonNode envelope = node.has("payload") && node.get("payload").isObject() ? node.get("payload") : node;
            String op = envelope.path("op").asText("");
            switch (op) {
                case "c", "r" -> rows.add(new FileRow(line, RowChange.Op.INSERT, object(envelope.get("after"), line)));
                case "u" -> rows.add(new FileRow(line, RowChange.Op.UPDATE, object(envelope.get("after"), line)));
                case "d" -> rows.add(new FileRow(line, RowChange.Op.DELETE, object(envelope.get("before"), line)));
                default -> throw new BadFileException(line, "a Debezium envelope needs op c, r, u or d, found '" + op + "'");
            }
        }
        return rows;
    }

    private static List<FileRow> csv(Path file) throws IOException, BadFileException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<FileRow> rows = new ArrayList<>();
        try (var iterator = mapper.readerFor(Map.class).with(schema).<Map<String, String>>readValues(file.toFile())) {
            while (iterator.hasNextValue()) {
                Map<String, String> cells;
                int line = iterator.getCurrentLocation().getLineNr();
                try {
                    cells = iterator.nextValue();
                } catch (RuntimeException e) {
                    throw new BadFileException(line, "not a CSV row matching the header: " + e.getMessage());
                }
                Map<String, Object> row = new LinkedHashMap<>();
                cells.forEach((column, cell) -> row.put(column, cell(cell)));
                rows.add(new FileRow(line, RowChange.Op.INSERT, row));
            }
        }
        return rows;
    }

    private static Object cell(String cell) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        if (cell.matches("-?\\d{1,18}")) {
            return Long.parseLong(cell);
        }
        if (cell.matches("-?\\d+\\.\\d+")) {
            return new BigDecimal(cell);
        }
        return cell;
    }

    private static JsonNode parse(String text, int line) throws BadFileException {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("//")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new BadFileException(line, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> object(JsonNode node, int line) throws BadFileException {
        if (node == null || !node.isObject()) {
            throw new BadFileException(line, "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> row.put(field.getKey(), value(field.getValue())));
        return row;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return JSON.convertValue(node, Object.class);
    }
}
