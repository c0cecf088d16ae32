package dev.pipelineharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the console for people. The harness JVM's own library logging (the Kafka admin client's
 * "could not be established" warnings while brokers start or are killed, the link proxy's connection
 * errors) is expected noise during a chaos run: it goes to {@code target/harness/harness.log}
 * next to the component logs' folder (the embedded topology empties that folder of {@code *.log} files
 * when it starts), not to the terminal. A {@code -Dorg.slf4j.simpleLogger.logFile} given to
 * the JVM wins.
 */
final class ConsoleSetup {

    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private ConsoleSetup() {
    }

    static void routeComponentLogs() {
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            Path log = Path.of("target", "harness", "harness.log").toAbsolutePath();
            try {
                Files.createDirectories(log.getParent());
                System.setProperty(LOG_FILE_PROPERTY, log.toString());
            } catch (IOException e) {
                System.err.println("pipeline-harness: cannot create " + log.getParent() + " (" + e.getMessage()
                        + "); library warnings stay on the console");
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "info"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        if (System.getProperty("allure.results.directory") == null) {
            System.setProperty("allure.results.directory", Path.of("target", "allure-results").toAbsolutePath().toString());
        }
    }
}
