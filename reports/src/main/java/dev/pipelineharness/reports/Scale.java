package dev.pipelineharness.reports;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from 0 to a maximum with round tick values (1, 2 or 5 times a power of ten). */
record Scale(double max, double step) {

    static Scale upTo(double value, int ticks) {
        double target = Math.max(value, 1e-9) / Math.max(ticks, 1);
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        double step = power;
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= target) {
                step = factor * power;
                break;
            }
        }
        return new Scale(Math.ceil(Math.max(value, 1e-9) / step) * step, step);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double tick = 0; tick <= max + step / 2; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    double fraction(double value) {
        return max <= 0 ? 0 : Math.min(1, Math.max(0, value / max));
    }
}
