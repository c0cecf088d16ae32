package dev.pipelineharness.testkit;

import dev.pipelineharness.engine.execution.SharedHostTurn;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that loads the machine as a scenario does (it starts brokers, clusters, databases):
 * it holds a shared turn at the host lock from before its first test to after its last
 * ({@link SharedHostTurn}). A scenario of the same build that runs alone (a fault on a shared
 * component) then never runs beside it, and its start-ups never land in the middle of a fault.
 * Use: {@code @ExtendWith(SharesTheMachine.class)}.
 */
public final class SharesTheMachine implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharesTheMachine.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String who = context.getRequiredTestClass().getSimpleName();
        SharedHostTurn turn = SharedHostTurn.take(why -> System.err.println("pipeline-harness: " + who + " waits: " + why));
        turn.missed().ifPresent(why -> System.err.println("pipeline-harness: " + who + " runs anyway: " + why));
        // the class's store is closed after its last test (and its @AfterAll), which ends the turn
        context.getStore(NAMESPACE).put("turn", turn);
    }
}
