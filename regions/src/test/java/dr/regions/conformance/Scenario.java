package dr.regions.conformance;

import java.util.Optional;
import java.util.function.Function;

/**
 * Calls on a fresh account and the answer AWS documents for them, where that is written, and, when moto answers
 * otherwise, the gap table row that says so. {@code answer} builds what it needs, makes the calls and says what they
 * answered: the refused call's error code ({@code kind} refusal, {@link Refusal}) or a setting read back (reading,
 * {@link Reading}).
 */
record Scenario(String kind, String id, String expected, String awsSource, Optional<String> gapRow,
                Function<Fixture, String> answer) {

    @Override
    public String toString() {
        return id + " -> " + expected;
    }

    static Scenario of(String kind, String id, String expected, String source, Function<Fixture, String> answer) {
        return new Scenario(kind, id, expected, source, Optional.empty(), answer);
    }

    Scenario gap(String row) {
        GapTable.row(row);
        return new Scenario(kind, id, expected, awsSource, Optional.of(row), answer);
    }
}
