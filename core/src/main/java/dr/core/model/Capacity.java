package dr.core.model;

import dr.core.DrException;

/** Auto Scaling group sizes for one tier in one region. */
public record Capacity(int min, int desired, int max) {
    public Capacity {
        if (min < 0 || desired < 0 || max < 0) {
            throw DrException.badInput("capacity must not be negative (min " + min + ", desired " + desired
                    + ", max " + max + ")");
        }
        if (min > max) {
            throw DrException.badInput("capacity min " + min + " is greater than max " + max);
        }
        if (desired < min || desired > max) {
            throw DrException.badInput("capacity desired " + desired + " must lie between min " + min + " and max " + max);
        }
    }
}
