package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Bad input written by a user: the message names the file, line, column and field, and says what is
 * wrong, so the user can fix it without reading the harness's code. Thrown while a scenario or a
 * pipeline definition is read, before anything is started.
 */
@API(status = STABLE, since = "0.1")
public class ScenarioDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final String field;
    private final String problem;

    public ScenarioDefinitionException(Location location, String field, String problem) {
        super(format(location, field, problem));
        this.location = location;
        this.field = field;
        this.problem = problem;
    }

    private static String format(Location location, String field, String problem) {
        StringBuilder message = new StringBuilder(location.toString()).append(": ");
        if (field != null && !field.isEmpty()) {
            message.append(field).append(": ");
        }
        return message.append(problem).toString();
    }

    public Location location() {
        return location;
    }

    /** The dotted path of the offending field, such as {@code generate[0].business-events.count}; may be empty. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
