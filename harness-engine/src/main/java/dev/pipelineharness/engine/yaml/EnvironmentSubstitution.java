package dev.pipelineharness.engine.yaml;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Location;
import dev.pipelineharness.api.ScenarioDefinitionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Fills {@code ${NAME}} and {@code ${NAME:-default}} in scenario values from the environment;
 * {@code $${} stands for a literal {@code ${}. A variable that is unset and has no default, and any
 * {@code ${} that does not form a placeholder, is an error naming where it was written.
 */
@API(status = INTERNAL, since = "0.1")
public final class EnvironmentSubstitution {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;

    /** @param environment looks a variable up, null when unset ({@code System::getenv} in production) */
    public EnvironmentSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    public static EnvironmentSubstitution ofSystemEnvironment() {
        return new EnvironmentSubstitution(System::getenv);
    }

    static boolean containsPlaceholder(String value) {
        return value.contains("${");
    }

    String substitute(String value, Location location, String field) {
        StringBuilder result = new StringBuilder(value.length());
        int position = 0;
        while (position < value.length()) {
            int start = value.indexOf("${", position);
            if (start < 0) {
                result.append(value, position, value.length());
                break;
            }
            if (start > 0 && value.charAt(start - 1) == '$') {
                // "$${" is an escaped literal "${": drop the escaping dollar
                result.append(value, position, start - 1).append("${");
                position = start + 2;
                continue;
            }
            result.append(value, position, start);
            Matcher matcher = PLACEHOLDER.matcher(value).region(start, value.length());
            if (!matcher.lookingAt()) {
                int end = value.indexOf('}', start);
                String written = end < 0 ? value.substring(start) : value.substring(start, end + 1);
                throw new ScenarioDefinitionException(location, field, "bad placeholder '" + written
                        + "': write ${NAME} or ${NAME:-default}, NAME made of letters, digits and underscores");
            }
            String name = matcher.group(1);
            String found = environment.apply(name);
            if (found == null) {
                found = matcher.group(2);
                if (found == null) {
                    throw new ScenarioDefinitionException(location, field, "environment variable " + name
                            + " is not set and ${" + name + "} has no default (write ${" + name + ":-default})");
                }
            }
            result.append(found);
            position = matcher.end();
        }
        return result.toString();
    }
}
