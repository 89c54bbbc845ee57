package dr.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GraphCommandTest extends DrCommandTest {
    private static final Pattern MERMAID_NODE = Pattern.compile("^\\s{4}(\\w+)\\[\"([^\"]+)\"\\]", Pattern.MULTILINE);
    private static final Pattern MERMAID_EDGE = Pattern.compile("^\\s{2}(\\w+) (-->|-\\. \"[^\"]+\" \\.->) (\\w+)$",
            Pattern.MULTILINE);

    @Test
    void mermaidOutputIsAGraphWithBothRegionsAsClustersAndTheReplicaAsACrossRegionLink() {
        DrRunner.Result result = dr.run("graph", "--primary", "us-east-1", "--dr", "us-west-2");

        assertThat(result.exitCode()).isZero();
        String mermaid = result.out();
        assertThat(mermaid).startsWith("flowchart LR\n");
        assertThat(mermaid).contains("subgraph us_east_1[\"us-east-1<br/>zones chosen at run time (read with --live)\"]",
                "subgraph us_west_2[\"us-west-2<br/>zones chosen at run time (read with --live)\"]");
        Set<String> nodes = matches(MERMAID_NODE, mermaid, 1);
        assertThat(nodes).contains("us_east_1_vpc", "us_east_1_db_primary", "us_west_2_db_replica", "us_west_2_sg_db");
        List<String[]> edges = MERMAID_EDGE.matcher(mermaid).results()
                .map(m -> new String[] {m.group(1), m.group(2), m.group(3)}).toList();
        assertThat(edges).as("every edge joins declared nodes")
                .allSatisfy(e -> assertThat(nodes).contains(e[0], e[2]));
        assertThat(edges).anySatisfy(e -> {
            assertThat(e[0]).isEqualTo("us_east_1_db_primary");
            assertThat(e[2]).isEqualTo("us_west_2_db_replica");
            assertThat(e[1]).contains("replicates");
        });
        assertThat(dr.cloud.world().calls().total()).isZero();
    }

    @Test
    void eachRegionNamesTheZonesItWouldUseWhenTheyCanBeRead() throws Exception {
        // The sandbox account has no us-west-1b (see SandboxZones).
        DrRunner.Result result = dr.run("graph", "--primary", "us-east-1", "--dr", "us-west-1", "--sandbox",
                "--format", "dot");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("label=\"us-east-1\\nzones us-east-1a (a), us-east-1b (b)\";",
                "label=\"us-west-1\\nzones us-west-1a (a), us-west-1c (b)\";");
        assertThat(dr.cloud.world().calls().mutating()).isZero();

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dr.run("graph", "--primary",
                "us-east-1", "--dr", "us-west-1", "--output", "json").out());
        assertThat(json.path("zones").path("us-west-1").asText()).isEqualTo("chosen at run time");
    }

    @Test
    void dotOutputIsADigraphWithAClusterPerRegion() {
        DrRunner.Result result = dr.run("graph", "--primary", "eu-west-1", "--dr", "eu-central-1", "--format", "dot");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("digraph dr {").contains("subgraph \"cluster_eu-west-1\"",
                "subgraph \"cluster_eu-central-1\"", "\"eu-west-1/db-primary\" -> \"eu-central-1/db-replica\" [style=dashed");
    }

    @Test
    void liveMarksNothingMissingAfterAProvisionAndEverythingMissingBeforeIt() {
        DrRunner.Result before = dr.run("graph", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox", "--live");
        assertThat(before.exitCode()).isZero();
        assertThat(before.out()).contains("us_east_1_vpc[\"vpc<br/>EC2::VPC (missing)\"]:::missing");

        dr.assertSucceeded(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox", "-q"));
        DrRunner.Result after = dr.run("graph", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox", "--live");

        assertThat(after.out().lines().filter(line -> line.contains(":::")).toList())
                .as("pieces marked missing or unhealthy after a full provision").isEmpty();
    }

    private static Set<String> matches(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(m -> m.group(group)).collect(Collectors.toSet());
    }
}
