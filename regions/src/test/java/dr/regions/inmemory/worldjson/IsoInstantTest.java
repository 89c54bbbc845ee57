package dr.regions.inmemory.worldjson;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-made instant text is the JDK's, character for character, both ways. */
class IsoInstantTest {

    @Test
    void formatsAndParsesAsTheJdkDoes() {
        Random random = new Random(20);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
            assertThat(IsoInstant.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void readsEveryFractionLengthAndTheEdgesOfTheFastPath() {
        for (String text : new String[] {"2026-01-01T00:35:12.5Z", "2026-01-01T00:35:12.05Z",
                "2026-01-01T00:35:12.123456789Z", "2024-02-29T23:59:59Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "2026-01-01t00:00:00z", "2026-01-01T00:00:00+01:00",
                "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.Z"}) {
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void refusesWhatTheJdkRefuses() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T00:00:60Z",
                "2026-01-01T00:00:00", "2026-1-01T00:00:00Z", "2026-01-01T00:00:0xZ",
                "2026-01-01T00:00:00.1234567890Z", ""}) {
            assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
