package dev.pipelineharness.cloud.flink;

/** A Flink statement went FAILED: the message carries the statement's {@code status.detail} and where it was written. */
public final class StatementFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StatementFailedException(String message) {
        super(message);
    }
}
