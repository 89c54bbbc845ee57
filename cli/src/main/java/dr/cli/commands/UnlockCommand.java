package dr.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.Confirmation;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.regions.lock.StackLock;
import picocli.CommandLine.Command;

import java.util.Optional;

@Command(name = "unlock",
        description = {
            "Break a stale stack lock (as 'terraform force-unlock').",
            "",
            "Every dr command that changes a stack holds its lock while it runs, so that two runs (two operators, "
                + "or a scheduled job and a drill) never work on one stack at once; a run that was killed leaves its "
                + "lock until its lease runs out (10 minutes). This command shows who holds the lock and since when, "
                + "and, after confirmation, removes it. Only do that when that run is no longer running.",
            "Changes: only the lock record (a TXT record in the account's Route 53 zone dr-locks.invalid).",
            "Takes: seconds.",
            "Asks for confirmation unless --yes.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr unlock --stack shop")
public final class UnlockCommand extends DrSubcommand {

    @Override
    protected boolean takesStackLock() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        String stack = context.target().orElseThrow().stack();
        StackLock lock = StackLock.of(context.clients(), stack);
        Optional<StackLock.Current> current = lock.current();
        if (current.isEmpty()) {
            print(context, "Stack " + stack + " is not locked; nothing to do.", document(stack, null, false));
            return ExitCode.OK.code();
        }
        StackLock.Current seen = current.get();
        boolean expired = seen.info().map(info -> info.expiredAt(context.clock().now())).orElse(false);
        if (!context.output().json()) {
            context.out().println("Stack " + stack + " is locked by " + seen.describe()
                    + (expired ? "; its lease has run out" : ""));
            context.out().flush();
        }
        Confirmation.require(context, "Break this lock? Only if that run is no longer running.");
        if (!lock.breakLock(seen)) {
            throw DrException.failed("the lock on stack " + stack + " changed while asking"
                    + lock.current().map(now -> " (now: " + now.describe() + ")").orElse(" (it was released)")
                    + "; nothing was removed: run 'dr unlock --stack " + stack + "' again to see it");
        }
        print(context, "Unlocked stack " + stack + ": removed the lock of " + seen.describe() + ".",
                document(stack, seen, true));
        return ExitCode.OK.code();
    }

    private static void print(CommandContext context, String line, ObjectNode document) {
        if (context.output().json()) {
            Printer.json(context, document);
        } else {
            context.out().println(line);
        }
    }

    private static ObjectNode document(String stack, StackLock.Current seen, boolean unlocked) {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("stack", stack);
        json.put("unlocked", unlocked);
        if (seen == null) {
            json.putNull("heldBy");
        } else {
            ObjectNode held = json.putObject("heldBy");
            held.put("record", seen.rawValue());
            seen.info().ifPresent(info -> {
                held.put("holder", info.holder().user() + "@" + info.holder().host());
                held.put("pid", info.holder().pid());
                held.put("command", info.command());
                held.put("since", info.since().toString());
                held.put("leaseUntil", info.expires().toString());
            });
        }
        return json;
    }
}
