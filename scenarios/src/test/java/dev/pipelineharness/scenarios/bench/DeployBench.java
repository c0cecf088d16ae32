package dev.pipelineharness.scenarios.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.EngineFilter;

/**
 * {@code ./harness bench deploy [suite-directory]}: runs the shipped suite on the embedded topology
 * and prints {@code BENCH} lines for the topology's start, each scenario's deploy (median and max of
 * the {@code time.deploy} report entries the engine publishes) and the suite's wall time.
 */
public final class DeployBench {

    private DeployBench() {
    }

    public static void main(String[] args) {
        Path suite = Path.of(args.length > 0 ? args[0] : "suite");
        Map<String, Long> deploys = new ConcurrentHashMap<>();
        List<Long> topologyWaits = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                entry.getKeyValuePairs().forEach((key, value) -> {
                    if (key.equals("time.deploy")) {
                        deploys.put(test.getDisplayName(), millis(value));
                    } else if (key.equals("time.topology")) {
                        topologyWaits.add(millis(value));
                    }
                });
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed.incrementAndGet();
                    System.out.println("FAILED " + test.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
            }
        };
        long begin = System.nanoTime();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(suite.toFile()))
                .filters(EngineFilter.includeEngines("pipeline-harness"))
                .build(), listener);
        double wall = (System.nanoTime() - begin) / 1e9;

        List<Long> sorted = deploys.values().stream().sorted().toList();
        deploys.forEach((scenario, took) -> System.out.printf("deploy %-40s %6.2f s%n", scenario, took / 1000.0));
        if (!sorted.isEmpty()) {
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
            System.out.printf("BENCH deploy.median.seconds %.2f s%n", median / 1000.0);
            System.out.printf("BENCH deploy.max.seconds %.2f s%n", sorted.get(sorted.size() - 1) / 1000.0);
            System.out.printf("BENCH deploy.scenarios %d scenarios%n", sorted.size());
        }
        topologyWaits.stream().max(Long::compare).ifPresent(start ->
                System.out.printf("BENCH topology.start.seconds %.2f s%n", start / 1000.0));
        System.out.printf("BENCH suite.wall.seconds %.1f s%n", wall);
        System.out.printf("BENCH suite.failed %d tests%n", failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static long millis(String value) {
        return Long.parseLong(value.replace("ms", "").trim());
    }
}
