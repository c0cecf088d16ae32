package dev.pipelineharness.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of one kind of child JVM, as the {@code runtime-*} module of that name wrote it at
 * build time ({@code META-INF/pipeline-harness/runtime/NAME.classpath}: the resolved jars, joined by the platform path separator).
 * The module's own code (its jar or classes folder) comes first, so a runtime can ship a main class
 * of ours beside the third-party jars.
 */
public final class RuntimeClasspath {

    private static final String RESOURCE = "META-INF/pipeline-harness/runtime/%s.classpath";

    private RuntimeClasspath() {
    }

    public static List<Path> of(String runtimeName) {
        String resource = String.format(RESOURCE, runtimeName);
        URL url = RuntimeClasspath.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("No runtime classpath '" + runtimeName + "' (" + resource
                    + ") on the classpath: is dev.pipelineharness:runtime-" + runtimeName + " a dependency?");
        }
        List<Path> entries = new ArrayList<>();
        entries.add(codeSourceOf(url, resource));
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : text.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator) + "|\\R")) {
                if (!entry.isBlank()) {
                    entries.add(Paths.get(entry.trim()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + url, e);
        }
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new IllegalStateException("The runtime classpath '" + runtimeName + "' lists " + entry
                        + ", which does not exist: rebuild with ./mvnw install -DskipTests");
            }
        }
        return entries;
    }

    /** The jar or classes folder a class was loaded from. */
    public static Path locationOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the code of " + type, e);
        }
    }

    private static Path codeSourceOf(URL url, String resource) {
        String text = url.toString();
        try {
            if (text.startsWith("jar:")) {
                String jar = text.substring("jar:".length(), text.indexOf("!/"));
                return Paths.get(new java.net.URI(jar));
            }
            String folder = text.substring(0, text.length() - resource.length());
            return Paths.get(new java.net.URI(folder));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + url, e);
        }
    }
}
