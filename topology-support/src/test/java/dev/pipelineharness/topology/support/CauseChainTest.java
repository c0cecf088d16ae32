package dev.pipelineharness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CauseChainTest {

    @Test
    void aWrapperSaysWhatItWraps() {
        Exception failure = new IllegalStateException("Selector operation has failed",
                new ExecutionException(new BindException("Address already in use")));

        assertThat(CauseChain.describe(failure)).isEqualTo("Selector operation has failed (caused by"
                + " ExecutionException: java.net.BindException: Address already in use)");
    }

    @Test
    void aCauseTheMessageAlreadyQuotesIsNotRepeated() {
        Exception cause = new BindException("Address already in use");
        Exception failure = new IllegalStateException("bind failed: Address already in use", cause);

        assertThat(CauseChain.describe(failure)).isEqualTo("bind failed: Address already in use");
        assertThat(CauseChain.describe(new IllegalStateException("alone"))).isEqualTo("alone");
    }
}
