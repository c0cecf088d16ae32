package dev.pipelineharness.flinkrunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Splits a SQL file into statements at semicolons, the way a person reads it: a semicolon inside a
 * string literal ({@code '...'}), a quoted identifier ({@code `...`}, {@code "..."}), a line comment
 * ({@code -- ...}) or a block comment ({@code /* ... *}{@code /}) does not end a statement. A statement
 * starts at its first character that is neither blank nor comment; text after the last semicolon
 * that is only blanks and comments is no statement.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** Every {@code *.sql} file of {@code directory}, in file-name order, split into statements. */
    public static List<SqlStatement> readDirectory(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        List<SqlStatement> statements = new ArrayList<>();
        for (Path file : files) {
            statements.addAll(split(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return statements;
    }

    public static List<SqlStatement> split(String fileName, String text) {
        List<SqlStatement> statements = new ArrayList<>();
        int line = 1;
        int column = 1;
        int start = -1;
        int startLine = 0;
        int startColumn = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            int end;
            if (c == '-' && next == '-') {
                end = indexOrEnd(text, "\n", i + 2);
            } else if (c == '/' && next == '*') {
                end = indexOrEnd(text, "*/", i + 2) + 2;
            } else {
                if (start < 0 && !Character.isWhitespace(c)) {
                    start = i;
                    startLine = line;
                    startColumn = column;
                }
                if (c == ';') {
                    statements.add(new SqlStatement(fileName, startLine, startColumn, text.substring(start, i).strip()));
                    start = -1;
                    end = i + 1;
                } else if (c == '\'' || c == '`' || c == '"') {
                    end = endOfQuoted(text, i, c);
                } else {
                    end = i + 1;
                }
            }
            end = Math.min(end, text.length());
            for (int k = i; k < end; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            i = end;
        }
        if (start >= 0) {
            statements.add(new SqlStatement(fileName, startLine, startColumn, text.substring(start).strip()));
        }
        return statements;
    }

    private static int indexOrEnd(String text, String token, int from) {
        int index = text.indexOf(token, from);
        return index < 0 ? text.length() : index;
    }

    /** The index just after the closing quote; a doubled quote is an escaped one. */
    private static int endOfQuoted(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
