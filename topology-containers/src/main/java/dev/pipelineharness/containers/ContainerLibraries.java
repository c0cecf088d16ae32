package dev.pipelineharness.containers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The jars the build put aside to copy into containers (see this module's {@code pom.xml}): the Flink
 * lib jars and the DynamoDB Streams connector with the AWS SDK. A missing one is an error saying how to
 * build it, before any container starts.
 */
final class ContainerLibraries {

    private static final String LIB_PROPERTIES = "META-INF/pipeline-harness/container-lib.properties";
    private static final String DYNAMODB_CONNECTOR = "META-INF/pipeline-harness/containers/connect-dynamodb-streams.classpath";

    private ContainerLibraries() {
    }

    /** The jars for {@code /opt/flink/lib}. */
    static List<Path> flinkLib() {
        Properties properties = new Properties();
        try (InputStream in = resource(LIB_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path directory = Path.of(properties.getProperty("flink", ""));
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("The Flink jars for the containers were not copied to " + directory
                    + "; build the module first (./mvnw -pl topology-containers -am package)");
        }
        try (Stream<Path> jars = Files.list(directory)) {
            return jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DynamoDB Streams connector's jar (or class directory) and the jars it needs. */
    static List<Path> dynamoDbConnector() {
        String classpath;
        try (InputStream in = resource(DYNAMODB_CONNECTOR)) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> paths = Arrays.stream(classpath.split(File.pathSeparator)).filter(part -> !part.isBlank())
                .map(Path::of).toList();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalStateException("The DynamoDB Streams connector's classpath names " + path
                        + ", which does not exist; build the module first (./mvnw -pl topology-containers -am package)");
            }
        }
        return paths;
    }

    private static InputStream resource(String name) {
        InputStream in = ContainerLibraries.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Resource " + name + " is missing from topology-containers; it is written by "
                    + "the build (./mvnw -pl topology-containers -am package)");
        }
        return in;
    }
}
