package dr.regions.dns;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Route53IdsTest {
    @Test
    void zoneIdsLoseTheirPrefixAndBareOnesStayAsTheyAre() {
        assertThat(Route53Ids.zone("/hostedzone/Z0492315G9Y5I36O1E7O")).isEqualTo("Z0492315G9Y5I36O1E7O");
        assertThat(Route53Ids.zone("Z0492315G9Y5I36O1E7O")).isEqualTo("Z0492315G9Y5I36O1E7O");
        assertThat(Route53Ids.zone(null)).isNull();
    }

    @Test
    void changeIdsLoseTheirPrefixOnly() {
        assertThat(Route53Ids.change("/change/C2682N5HXP0BZ4")).isEqualTo("C2682N5HXP0BZ4");
        assertThat(Route53Ids.change("C2682N5HXP0BZ4")).isEqualTo("C2682N5HXP0BZ4");
        assertThat(Route53Ids.zone("/change/C2682N5HXP0BZ4")).as("a zone id is not a change id")
                .isEqualTo("/change/C2682N5HXP0BZ4");
    }
}
