package dev.pipelineharness.checks;

import java.util.Map;

/**
 * One change event expected on a CDC topic: Debezium's {@code op} ({@code c}, {@code u} or
 * {@code d}), the row's primary key, and for {@code c}/{@code u} the {@code after} columns as text
 * (decimals as plain strings), for {@code d} an empty map.
 */
public record ExpectedChange(String key, String op, Map<String, String> after) {
}
