package dev.pipelineharness.faults;

import dev.pipelineharness.api.Fault;
import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.api.FaultProvider;
import dev.pipelineharness.api.Params;
import dev.pipelineharness.api.control.LinkControl;
import dev.pipelineharness.api.control.LinkOperation;
import dev.pipelineharness.api.control.LinkState;
import java.time.Duration;
import java.util.function.Predicate;

/** The link faults, one provider each; every one names its link ({@code link-cut: flink->kafka}). */
public final class LinkFaultProviders {

    private LinkFaultProviders() {
    }

    /** {@code link-latency: {link: east.kafka, latency: 200ms, jitter: 50ms}}. */
    public static final class Latency implements FaultProvider {
        @Override
        public String name() {
            return LinkOperation.LATENCY.faultKind();
        }

        @Override
        public Fault create(Params params) {
            Targets target = FaultSettings.link(params, "latency", "jitter");
            Duration latency = params.duration("latency");
            Duration jitter = params.duration("jitter", Duration.ZERO);
            if (jitter.compareTo(latency) > 0) {
                throw params.error("jitter", "must not be more than the latency (" + latency.toMillis() + " ms), was "
                        + jitter.toMillis() + " ms");
            }
            return new LinkFault(LinkOperation.LATENCY, target) {
                @Override
                void act(LinkControl link) {
                    link.latency(latency, jitter);
                }

                @Override
                Predicate<LinkState> effect() {
                    return state -> state.latency().equals(latency) && state.jitter().equals(jitter);
                }

                @Override
                String settings() {
                    return latency.toMillis() + "ms ± " + jitter.toMillis() + "ms";
                }
            };
        }
    }

    /** {@code link-bandwidth: {link: connect->postgres, bytes-per-second: 65536}}. */
    public static final class Bandwidth implements FaultProvider {
        @Override
        public String name() {
            return LinkOperation.BANDWIDTH.faultKind();
        }

        @Override
        public Fault create(Params params) {
            Targets target = FaultSettings.link(params, "bytes-per-second");
            long limit = params.positiveLong("bytes-per-second", 0);
            return new LinkFault(LinkOperation.BANDWIDTH, target) {
                @Override
                void act(LinkControl link) {
                    link.bandwidth(limit);
                }

                @Override
                Predicate<LinkState> effect() {
                    return state -> state.bytesPerSecond() == limit;
                }

                @Override
                String settings() {
                    return limit + " B/s";
                }
            };
        }
    }

    /** {@code link-stall: flink->kafka}: connections stay open, no byte moves. */
    public static final class Stall implements FaultProvider {
        @Override
        public String name() {
            return LinkOperation.STALL.faultKind();
        }

        @Override
        public Fault create(Params params) {
            return new LinkFault(LinkOperation.STALL, FaultSettings.link(params)) {
                @Override
                void act(LinkControl link) {
                    link.stall();
                }

                @Override
                Predicate<LinkState> effect() {
                    return LinkState::stalled;
                }
            };
        }
    }

    /** {@code link-cut: flink->kafka}: a partition until healed. */
    public static final class Cut implements FaultProvider {
        @Override
        public String name() {
            return LinkOperation.CUT.faultKind();
        }

        @Override
        public Fault create(Params params) {
            return new LinkFault(LinkOperation.CUT, FaultSettings.link(params)) {
                @Override
                void act(LinkControl link) {
                    link.cut();
                }

                @Override
                Predicate<LinkState> effect() {
                    return state -> state.cut() && state.openConnections() == 0;
                }
            };
        }
    }

    /**
     * {@code link-reset: connect->postgres}: every open connection is reset once; new ones are accepted.
     * A reset of a link with no open connection had no effect, and says so.
     */
    public static final class Reset implements FaultProvider {
        @Override
        public String name() {
            return LinkOperation.RESET.faultKind();
        }

        @Override
        public Fault create(Params params) {
            return new LinkFault(LinkOperation.RESET, FaultSettings.link(params)) {
                private int resetConnections;

                @Override
                public void inject(FaultContext context) {
                    LinkControl link = link(context);
                    resetConnections = link.state().openConnections();
                    if (resetConnections == 0) {
                        throw new IllegalStateException(describe() + " had no effect: the link had no open connection");
                    }
                    link.reset();
                    context.evidence(target.name() + ": reset " + resetConnections + " open connection(s); now "
                            + describe(link.state()));
                }

                @Override
                void act(LinkControl link) {
                    link.reset();
                }

                @Override
                Predicate<LinkState> effect() {
                    return state -> true;
                }
            };
        }
    }
}
