package dev.pipelineharness.generators.business;

import dev.pipelineharness.generators.Json;

/**
 * The type-specific part of a business event. Money is held in cents and rates in ten-thousandths,
 * so serialization never meets a binary fraction.
 */
public sealed interface Payload {

    /** The payload as a JSON object, fields in a fixed order (docs/pipelines.md, section 1). */
    String toJson();

    record Loan(long amountCents, int termMonths, int rateTenThousandths, String status) implements Payload {
        @Override
        public String toJson() {
            return Json.object().decimal("amount", amountCents, 2).field("term_months", termMonths)
                    .decimal("rate", rateTenThousandths, 4).field("status", status).end();
        }
    }

    record Car(String vin, String make, String model, long priceCents) implements Payload {
        @Override
        public String toJson() {
            return Json.object().field("vin", vin).field("make", make).field("model", model)
                    .decimal("price", priceCents, 2).end();
        }
    }

    record Service(String kind, long costCents, String location) implements Payload {
        @Override
        public String toJson() {
            return Json.object().field("kind", kind).decimal("cost", costCents, 2).field("location", location).end();
        }
    }
}
