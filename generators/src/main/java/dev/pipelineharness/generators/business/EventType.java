package dev.pipelineharness.generators.business;

/** The three kinds of business event of seed 000; {@link #wireName()} is the {@code event_type} value. */
public enum EventType {
    LOAN("loan", "loan"),
    SERVICE("service", "svc"),
    CAR("car", "car");

    private final String wireName;
    private final String entityPrefix;

    EventType(String wireName, String entityPrefix) {
        this.wireName = wireName;
        this.entityPrefix = entityPrefix;
    }

    public String wireName() {
        return wireName;
    }

    /** The logical name of the topic routing sends this type to. */
    public String filteredTopic() {
        return "filtered_" + wireName + "_events";
    }

    /** {@code loan-000042}: the entity ids of this type, shared with {@code loan_entities.loan_id}. */
    public String entityId(int entity) {
        String digits = Integer.toString(entity);
        StringBuilder id = new StringBuilder(entityPrefix.length() + 8).append(entityPrefix).append('-');
        for (int i = digits.length(); i < 6; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    /** The type of a well-formed {@code event_type} value (exact, lower case), or null. */
    public static EventType fromWire(String value) {
        for (EventType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
