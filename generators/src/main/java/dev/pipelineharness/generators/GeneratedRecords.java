package dev.pipelineharness.generators;

import java.util.ArrayList;
import java.util.List;

/**
 * What the generators of one scenario wrote, in write order, kept in the scenario's store for the
 * oracle and the checks. Appends come from generator threads; readers take a snapshot.
 */
public abstract class GeneratedRecords<T> {

    private final List<T> records = new ArrayList<>();

    public synchronized void add(T record) {
        records.add(record);
    }

    public synchronized void addAll(List<T> more) {
        records.addAll(more);
    }

    /** A copy of everything written so far, in write order. */
    public synchronized List<T> snapshot() {
        return List.copyOf(records);
    }

    public synchronized int size() {
        return records.size();
    }
}
