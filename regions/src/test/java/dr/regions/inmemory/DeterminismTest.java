package dr.regions.inmemory;

import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.inmemory.world.World;
import dr.regions.provision.ProvisionFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void twoIdenticalRunsGiveIdenticalModeledTimingsAndIds() {
        ProvisionFixture first = new ProvisionFixture();
        ProvisionFixture second = new ProvisionFixture();
        StackSpec spec = ProvisionFixture.defaultSpec();

        ProvisionReport a = first.provision(spec);
        ProvisionReport b = second.provision(spec);

        assertThat(a.result().duration()).isEqualTo(b.result().duration());
        assertThat(a.toJson()).isEqualTo(b.toJson());
        assertThat(SandboxStore.toJson(first.cloud().world())).isEqualTo(SandboxStore.toJson(second.cloud().world()));
    }

    @Test
    void aSavedSandboxLoadsAndContinuesWhereItStopped() {
        ProvisionFixture fixture = new ProvisionFixture();
        fixture.provision(ProvisionFixture.defaultSpec());
        String saved = SandboxStore.toJson(fixture.cloud().world());

        World loaded = SandboxStore.fromJson(saved);

        assertThat(SandboxStore.toJson(loaded)).isEqualTo(saved);
        assertThat(loaded.time()).isEqualTo(fixture.cloud().world().time());
        InMemoryCloud continued = new InMemoryCloud(loaded);
        long mutatingBefore = continued.world().calls().mutating();
        ProvisionReport again = new dr.regions.provision.Provisioning(ProvisionFixture.defaultSpec(), continued,
                continued.world().clock()).run(dr.core.engine.ProgressListener.NONE);
        assertThat(again.succeeded()).isTrue();
        assertThat(continued.world().calls().mutating()).as("a loaded sandbox needs no change").isEqualTo(mutatingBefore);
    }
}
