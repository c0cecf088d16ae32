package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.Topology;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.LinkState;
import dev.pipelineharness.api.control.TopologyControl;
import java.util.function.Predicate;

/**
 * A fault on one named link: {@link #act} imposes it, the link's state read back afterwards must show
 * it ({@link #effect}), and a heal removes every fault from the link and must show it healthy.
 */
abstract class LinkFault implements Fault {

    private final LinkOperation operation;
    final Targets target;

    LinkFault(LinkOperation operation, Targets target) {
        this.operation = operation;
        this.target = target;
    }

    /** Imposes the fault. */
    abstract void act(LinkControl link);

    /** What the link's state must show once the fault is in place. */
    abstract Predicate<LinkState> effect();

    /** The fault's settings, for {@link #describe()}: {@code 200ms ± 50ms}. */
    String settings() {
        return "";
    }

    @Override
    public String kind() {
        return operation.faultKind();
    }

    @Override
    public String describe() {
        String settings = settings();
        return kind() + " " + target.name() + (settings.isEmpty() ? "" : " " + settings);
    }

    @Override
    public boolean disturbsOtherScenarios(Topology topology) {
        return target.shared(topology);
    }

    @Override
    public void validate(Topology topology) {
        TopologyControl control = Targets.control(topology);
        target.requireIn(control.linkNames(), control::hasLink, "link", topology);
    }

    @Override
    public void inject(FaultContext context) {
        LinkControl link = link(context);
        LinkState before = link.state();
        act(link);
        LinkState after = link.state();
        if (!effect().test(after)) {
            throw new IllegalStateException(describe() + " had no effect: the link shows " + after);
        }
        context.evidence(target.name() + ": " + describe(after) + " (before: " + describe(before) + ")");
    }

    @Override
    public void heal(FaultContext context) {
        LinkControl link = link(context);
        link.heal();
        LinkState after = link.state();
        if (!after.healthy()) {
            throw new IllegalStateException("healing " + target.name() + " left it faulty: " + after);
        }
        context.evidence(target.name() + ": healed, " + describe(after));
    }

    LinkControl link(FaultContext context) {
        LinkControl link = Targets.control(context).link(context.deployment(), target.name());
        if (!link.operations().contains(operation)) {
            throw new IllegalStateException(target.name() + " cannot take " + kind() + "; it supports " + link.operations());
        }
        return link;
    }

    static String describe(LinkState state) {
        if (state.healthy()) {
            return "healthy, " + state.openConnections() + " open connection(s)";
        }
        StringBuilder text = new StringBuilder();
        if (state.cut()) {
            text.append("cut, ");
        }
        if (state.stalled()) {
            text.append("stalled, ");
        }
        if (!state.latency().isZero() || !state.jitter().isZero()) {
            text.append("latency ").append(state.latency().toMillis()).append(" ms ± ")
                    .append(state.jitter().toMillis()).append(" ms, ");
        }
        if (state.bytesPerSecond() > 0) {
            text.append(state.bytesPerSecond()).append(" B/s per connection, ");
        }
        return text.append(state.openConnections()).append(" open connection(s)").toString();
    }
}
