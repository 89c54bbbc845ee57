package dr.core.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationFormatTest {
    @ParameterizedTest
    @CsvSource({
            "PT0S, 0s",
            "PT2.5S, 2.5s",
            "PT45S, 45s",
            "PT12M30S, 12m30s",
            "PT12M5S, 12m05s",
            "PT1H2M5S, 1h02m05s",
            "PT-3S, 0s"})
    void printsShortHumanDurations(Duration duration, String expected) {
        assertThat(DurationFormat.compact(duration)).isEqualTo(expected);
    }
}
