package dr.runbooks.actions.drill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.ExitCode;
import dr.runbooks.RunbookResult;
import dr.runbooks.StepReport;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What {@code dr failover restore} did: nothing (nothing to restore), listed what it would do, or restored. */
public sealed interface RestoreOutcome {
    ExitCode exitCode();

    /** The JSON document, for those outcomes that have one. */
    Optional<ObjectNode> toJson();

    void printText(PrintWriter out);

    /** The line for standard error, when restoring failed. */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** The last drill restored what it changed, or none ran here. */
    record NothingToRestore(String why) implements RestoreOutcome {
        @Override
        public ExitCode exitCode() {
            return ExitCode.OK;
        }

        @Override
        public Optional<ObjectNode> toJson() {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("restored", false);
            root.put("message", "nothing to restore: " + why);
            return Optional.of(root);
        }

        @Override
        public void printText(PrintWriter out) {
            out.println("Nothing to restore: " + why + ".");
        }
    }

    /** A dry run: what a restore would put back, one line per saved fault. */
    record WouldRestore(Instant drillStartedAt, List<String> saved) implements RestoreOutcome {
        @Override
        public ExitCode exitCode() {
            return ExitCode.OK;
        }

        @Override
        public Optional<ObjectNode> toJson() {
            return Optional.empty();
        }

        @Override
        public void printText(PrintWriter out) {
            out.println("Would restore, for the drill started " + drillStartedAt + ":");
            (saved.isEmpty() ? List.of("nothing was changed yet; only the report would be written") : saved)
                    .forEach(line -> out.println("  " + line));
            out.println("Dry run: nothing was changed.");
        }
    }

    /** The restore ran: its step, and the report it wrote. */
    record Ran(RunbookResult result, Optional<StepReport> restore, Optional<DrillJournal.WrittenReport> written)
            implements RestoreOutcome {
        public boolean restored() {
            return restore.map(StepReport::finished).orElse(false);
        }

        @Override
        public ExitCode exitCode() {
            if (restored()) {
                return ExitCode.OK;
            }
            return result.exitCode() == ExitCode.OK ? ExitCode.FAILED : result.exitCode();
        }

        @Override
        public Optional<ObjectNode> toJson() {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("restored", restored());
            root.put("message", restore.map(StepReport::summary).orElse(result.message()));
            written.ifPresent(r -> {
                ObjectNode files = root.putObject("report");
                files.put("verdict", r.verdict());
                files.put("markdown", r.markdown().toString());
                files.put("json", r.json().toString());
                files.put("html", r.html().toString());
            });
            return Optional.of(root);
        }

        @Override
        public void printText(PrintWriter out) {
            restore.filter(StepReport::finished).ifPresent(step -> out.println("Restore: " + step.summary()));
            written.ifPresent(files -> DrillOutcome.printReport(out, files));
        }

        @Override
        public Optional<String> problem() {
            return restored() ? Optional.empty() : Optional.of(result.message());
        }
    }
}
