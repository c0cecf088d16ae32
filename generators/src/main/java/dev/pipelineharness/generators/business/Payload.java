package dev.pipelineharness.generators.business;

import dev.pipelineharness.generators.Json;

/**
 * The type-specific part of a business event. Money is held in cents and rates in ten-thousandths,
 * so serialization never meets a binary fraction.
 */
public sealed interface Payload {

    /** No payload at all: the event is sent without the field. */
    Payload NONE = new Absent();

    /** The payload as a JSON object, fields in a fixed order (docs/pipelines.md, section 1). */
    default String toJson() {
        return appendFields(Json.object()).end();
    }

    /** Writes the payload's fields into an open JSON object. */
    Json appendFields(Json json);

    record Loan(long amountCents, int termMonths, int rateTenThousandths, String status) implements Payload {
        @Override
        public Json appendFields(Json json) {
            return json.decimal("amount", amountCents, 2).field("term_months", termMonths)
                    .decimal("rate", rateTenThousandths, 4).field("status", status);
        }
    }

    record Car(String vin, String make, String model, long priceCents) implements Payload {
        @Override
        public Json appendFields(Json json) {
            return json.field("vin", vin).field("make", make).field("model", model).decimal("price", priceCents, 2);
        }
    }

    record Service(String kind, long costCents, String location) implements Payload {
        @Override
        public Json appendFields(Json json) {
            return json.field("kind", kind).decimal("cost", costCents, 2).field("location", location);
        }
    }

    /** The payload of an event sent without one ({@link #NONE}). */
    record Absent() implements Payload {
        @Override
        public Json appendFields(Json json) {
            return json;
        }
    }
}
