package dev.pipelineharness.containers;

import dev.pipelineharness.api.TopologySettings;

/**
 * The containers topology's own configuration keys, read once from the run's configuration.
 *
 * @param images the images to run ({@link ContainerImages}, overridable per component)
 * @param reuse  {@value #REUSE}: ask Testcontainers to keep the containers for the next run
 *               ({@code withReuse(true)}); default false. Testcontainers honours it only where the user
 *               enabled reuse ({@code testcontainers.reuse.enable=true} in {@code ~/.testcontainers.properties}).
 * @param taskSlots {@value #TASK_SLOTS}: slots of the Flink TaskManager, so that many deployments run at
 *               once (each job runs with parallelism 1); default 8
 */
public record ContainersSettings(ContainerImages images, boolean reuse, int taskSlots) {

    public static final String REUSE = "pipeline-harness.containers.reuse";
    public static final String TASK_SLOTS = "pipeline-harness.containers.flink.task-slots";

    public static ContainersSettings from(TopologySettings settings) {
        boolean reuse = Boolean.parseBoolean(settings.get(REUSE).orElse("false").trim());
        String slots = settings.get(TASK_SLOTS).orElse("8").trim();
        int taskSlots;
        try {
            taskSlots = Integer.parseInt(slots);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TASK_SLOTS + " must be a whole number, was '" + slots + "'");
        }
        if (taskSlots < 1) {
            throw new IllegalArgumentException(TASK_SLOTS + " must be at least 1, was " + taskSlots);
        }
        return new ContainersSettings(ContainerImages.from(settings.configuration()), reuse, taskSlots);
    }
}
