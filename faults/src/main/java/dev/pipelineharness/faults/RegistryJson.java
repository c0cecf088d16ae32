package dev.pipelineharness.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three JSON shapes of Confluent's Schema Registry API that {@code register-schema} exchanges: a
 * registration body ({@code {"schema": "..."}}), a version list ({@code [1,2]}) and an answer's
 * {@code message} or {@code id}. Written here rather than with a JSON library because the faults
 * module depends on the harness API alone (ArchitectureTest), and these shapes are flat.
 */
final class RegistryJson {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private RegistryJson() {
    }

    /** {@code {"schema": "<text>"}}, the text escaped as RFC 8259 requires. */
    static String registration(String schema) {
        StringBuilder json = new StringBuilder("{\"schema\":\"");
        for (int i = 0; i < schema.length(); i++) {
            char c = schema.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }

    /** The numbers of a version list such as {@code [1,2,3]}. */
    static List<Integer> versions(String body) {
        List<Integer> versions = new ArrayList<>();
        Matcher number = NUMBER.matcher(body);
        while (number.find()) {
            versions.add(Integer.parseInt(number.group()));
        }
        return versions;
    }

    /** An answer in words: its {@code message} (errors), else {@code id N} (a registration), else the body. */
    static String answer(String body) {
        Matcher message = MESSAGE.matcher(body);
        if (message.find()) {
            return message.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        Matcher id = ID.matcher(body);
        return id.find() ? "id " + id.group(1) : body.strip();
    }
}
