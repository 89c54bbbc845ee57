package dr.runbooks.actions.cycle;

import dr.core.model.RegionRole;
import dr.regions.promotion.RetiredDatabases;
import dr.regions.provision.Failover;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.Postcondition;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The step types reprotect and failback share: retiring the databases a role change left behind, bringing the whole
 * stack in line with its new place in the failover cycle (provision's plan), and the report.
 */
public final class CycleActions {
    /** Boolean run attribute: delete the retired databases (final snapshot first) instead of keeping them. */
    public static final String DELETE_OLD_ATTRIBUTE = "cycle.delete-old-databases";
    /** The attribute under which the report step hands back its {@link CycleReport}. */
    public static final String REPORT_ATTRIBUTE = CycleReportAction.REPORT_ATTRIBUTE;

    public static final StepType RETIRE = StepType.builder("retire-databases")
            .description("the region's databases that are neither the stack's writer nor its replica get the role "
                    + "db-retired (dr:role); kept, or with --delete-old-databases deleted with a final snapshot")
            .param(ParamSpec.required("region", ParamType.TEXT, "the region role: primary or dr")
                    .withChoices(List.of("primary", "dr")))
            .defaultTimeout(Duration.ofMinutes(30))
            .action(params -> {
                // the loader refuses any other value of a parameter with choices
                RegionRole role = "dr".equals(params.text("region")) ? RegionRole.DR : RegionRole.PRIMARY;
                return context -> new RetiredDatabases(CycleScope.spec(context), CycleScope.clients(context), role,
                        context.attribute(DELETE_OLD_ATTRIBUTE, Boolean.class).orElse(false)).ensure();
            })
            .postcondition(params -> Postcondition.RUN_AGAIN)
            .build();

    public static final StepType PROVISION = StepType.builder("provision-stack")
            .description("provision's plan for the stack's place in the failover cycle (reprotected: DR serves, the "
                    + "primary stands by with a replica; none: back to normal), run until every resource is in line")
            .param(ParamSpec.required("failover", ParamType.TEXT, "reprotected or none")
                    .withChoices(List.of("reprotected", "none")))
            .defaultTimeout(Duration.ofHours(3))
            .action(params -> new ProvisionStackAction(Failover.valueOf(params.text("failover")
                    .toUpperCase(Locale.ROOT))))
            .postcondition(params -> Postcondition.RUN_AGAIN)
            .build();

    public static final StepType REPORT = StepType.builder("cycle-report")
            .description("Markdown, JSON and HTML report: each step on the modeled clock, and the write freeze window")
            .defaultTimeout(Duration.ofMinutes(2))
            .action(params -> new CycleReportAction())
            .postcondition(params -> Postcondition.madeAfresh("a resumed run reports on the whole run as it ends"))
            .build();

    private CycleActions() {
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry.register(RETIRE).register(PROVISION).register(REPORT);
    }
}
