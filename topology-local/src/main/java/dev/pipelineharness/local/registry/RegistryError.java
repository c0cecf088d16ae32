package dev.pipelineharness.local.registry;

/**
 * An error the registry answers with, in Confluent's shape: an HTTP status and a body
 * {@code {"error_code": ..., "message": ...}}; clients map the error code to their exceptions.
 */
final class RegistryError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    private RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, int version) {
        return new RegistryError(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, 40403, "Schema not found: " + what);
    }

    static RegistryError subjectCompatibilityNotConfigured(String subject) {
        return new RegistryError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError notFound(String method, String path) {
        return new RegistryError(404, 404, "No such endpoint: " + method + " " + path);
    }

    static RegistryError methodNotAllowed(String method, String path) {
        return new RegistryError(405, 405, "Method " + method + " not allowed on " + path);
    }

    static RegistryError incompatible(String subject, String details) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + details);
    }

    static RegistryError invalidSchema(String details) {
        return new RegistryError(422, 42201, "Invalid schema: " + details);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are none,"
                + " backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryError badRequest(String details) {
        return new RegistryError(400, 400, details);
    }
}
