package dev.pipelineharness.engine.yaml;

/** Turns JSON pointers into the dotted field paths users see ({@code /generate/0/count} to {@code generate[0].count}). */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static String fromPointer(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.toString();
    }
}
