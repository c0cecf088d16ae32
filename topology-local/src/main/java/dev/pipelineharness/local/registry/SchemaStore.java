package dev.pipelineharness.local.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state, in memory: schemas by global id, subjects with their versions, compatibility
 * settings. As in Confluent's registry, one schema text (after Avro's normalization) has one id across
 * all subjects, and registering a schema a subject already has returns its existing id.
 */
final class SchemaStore {

    /** One version of a subject. */
    record Version(String subject, int version, int id, String schema) {
    }

    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
    private CompatibilityLevel globalCompatibility = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    /** Avro's normal form of a schema text: what "the same schema" means for ids. */
    static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("the request has no schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }

    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String normalized = schema.toString();
        List<Version> versions = subjects.getOrDefault(subject, List.of());
        for (Version version : versions) {
            if (version.schema().equals(normalized)) {
                return version.id();
            }
        }
        List<Schema> previous = versions.stream().map(version -> parse(version.schema())).toList();
        List<String> violations = compatibility(subject).violations(schema, previous);
        if (!violations.isEmpty()) {
            throw RegistryError.incompatible(subject, String.join("; ", violations));
        }
        int id = idsBySchema.computeIfAbsent(normalized, text -> {
            int assigned = nextId++;
            schemasById.put(assigned, text);
            return assigned;
        });
        List<Version> updated = new ArrayList<>(versions);
        int number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        updated.add(new Version(subject, number, id, normalized));
        subjects.put(subject, updated);
        return id;
    }

    synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw RegistryError.schemaNotFound("no schema with id " + id);
        }
        return schema;
    }

    /** Every subject version that uses schema {@code id}. */
    synchronized List<Version> versionsOfId(int id) {
        schemaById(id);
        return subjects.values().stream().flatMap(List::stream).filter(v -> v.id() == id).toList();
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(Version::version).toList();
    }

    /** @param version a version number, or "latest" / "-1" */
    synchronized Version version(String subject, String version) {
        List<Version> versions = versionsOf(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        int number = versionNumber(version);
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(subject, number));
    }

    synchronized Version lookup(String subject, String schemaText) {
        String normalized = parse(schemaText).toString();
        return versionsOf(subject).stream().filter(v -> v.schema().equals(normalized)).findFirst()
                .orElseThrow(() -> RegistryError.schemaNotFound("subject '" + subject + "' has no such schema"));
    }

    /** Removes a subject; its schemas keep their ids (other subjects or old records may use them). */
    synchronized List<Integer> deleteSubject(String subject) {
        List<Integer> versions = versions(subject);
        subjects.remove(subject);
        subjectCompatibility.remove(subject);
        return versions;
    }

    /** The reasons {@code schemaText} may not be registered next to {@code version} of {@code subject}; empty if it may. */
    synchronized List<String> checkCompatibility(String subject, String version, String schemaText) {
        Schema candidate = parse(schemaText);
        if (!subjects.containsKey(subject)) {
            return List.of(); // nothing to be incompatible with
        }
        CompatibilityLevel level = compatibility(subject);
        List<Schema> previous;
        if ("latest".equals(version) || "-1".equals(version)) {
            previous = versionsOf(subject).stream().map(v -> parse(v.schema())).toList();
        } else {
            previous = List.of(parse(version(subject, version).schema()));
        }
        return level.violations(candidate, previous);
    }

    synchronized CompatibilityLevel globalCompatibility() {
        return globalCompatibility;
    }

    synchronized void globalCompatibility(CompatibilityLevel level) {
        globalCompatibility = level;
    }

    synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    synchronized void subjectCompatibility(String subject, CompatibilityLevel level) {
        subjectCompatibility.put(subject, level);
    }

    synchronized void clearSubjectCompatibility(String subject) {
        subjectCompatibility.remove(subject);
    }

    synchronized CompatibilityLevel compatibility(String subject) {
        return subjectCompatibility.getOrDefault(subject, globalCompatibility);
    }

    private List<Version> versionsOf(String subject) {
        List<Version> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number < 1) {
                throw RegistryError.invalidVersion(version);
            }
            return number;
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(version);
        }
    }
}
