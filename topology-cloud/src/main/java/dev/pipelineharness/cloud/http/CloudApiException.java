package dev.pipelineharness.cloud.http;

/**
 * A Confluent Cloud or AWS API refused a call: the status, the API's own error code and message
 * (secrets masked), and for 401 / 403 which configured key it refused.
 */
public final class CloudApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    public CloudApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status; 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The API's error code ({@code 40002} for Kafka REST's "topic exists"), or empty. */
    public String errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }
}
