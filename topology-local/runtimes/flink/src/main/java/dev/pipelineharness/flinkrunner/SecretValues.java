package dev.pipelineharness.flinkrunner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of a pipeline's SQL (the PostgreSQL password, say), which the harness never writes to
 * disk: the SQL files it writes hold {@code ${secret.NAME}} references, and the values come in memory
 * (a session job's submission request: {@code secret.NAME} properties). They are filled into the statements just before
 * planning, and every value this JVM has seen is masked in its own output (stack traces, log lines,
 * status files, answers), since Flink's errors quote a table's options.
 */
final class SecretValues {

    /** The prefix of a secret's key in a session job's submission request. */
    static final String REQUEST_PREFIX = "secret.";
    static final String MASK = "******";

    /** Every secret value this JVM was given, for masking; values shorter than 4 characters are not masked. */
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private final Map<String, String> byName;

    private SecretValues(Map<String, String> byName) {
        this.byName = Map.copyOf(byName);
        byName.values().stream().filter(value -> value.length() >= 4).forEach(SEEN::add);
    }

    static SecretValues fromRequest(Properties request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : request.stringPropertyNames()) {
            if (key.startsWith(REQUEST_PREFIX)) {
                values.put(key.substring(REQUEST_PREFIX.length()), request.getProperty(key));
            }
        }
        return new SecretValues(values);
    }

    /** The statements with each {@code ${secret.NAME}} this knows replaced by its value; others stay as written. */
    List<SqlStatement> fill(List<SqlStatement> statements) {
        List<SqlStatement> filled = new ArrayList<>(statements.size());
        for (SqlStatement statement : statements) {
            String text = statement.text();
            for (Map.Entry<String, String> secret : byName.entrySet()) {
                text = text.replace("${secret." + secret.getKey() + "}", secret.getValue());
            }
            filled.add(new SqlStatement(statement.file(), statement.line(), statement.column(), text));
        }
        return filled;
    }

    /** {@code text} with every secret value this JVM has seen replaced by {@value #MASK}. */
    static String mask(String text) {
        if (text == null || SEEN.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String value : SEEN) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    static Map<String, String> mask(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((key, value) -> masked.put(key, mask(value)));
        return masked;
    }

    /**
     * Puts masking in front of {@code System.out} and {@code System.err}; called first thing in main,
     * before any logger captures the streams. Masks line by line, so a value split across writes of
     * one line is still caught.
     */
    static void maskStandardStreams() {
        System.setOut(new PrintStream(new MaskingLines(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new MaskingLines(System.err), true, StandardCharsets.UTF_8));
    }

    /** Buffers one line, masks it, passes it on. */
    static final class MaskingLines extends OutputStream {
        private final OutputStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        MaskingLines(OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            // a partial line waits for its end: masking it now could miss a value split across writes
            target.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            flushLine();
            target.close();
        }

        private void flushLine() throws IOException {
            if (line.size() == 0) {
                return;
            }
            target.write(mask(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            line.reset();
            target.flush();
        }
    }
}
