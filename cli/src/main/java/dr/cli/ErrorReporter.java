package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.commands.DrCommand;
import dr.cli.output.Printer;
import dr.cli.output.UnfinishedResult;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.ServiceError;
import dr.regions.aws.AwsServiceErrors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * The one place that turns an error into an exit code and a message: {@link DrException} keeps its code, a usage
 * error is bad input, an AWS error (the service's answer or a request that got none) is a failure with the AWS line
 * ({@link AwsServiceErrors}), anything else is an internal error. One line on stderr, prefixed {@code dr: }; the stack
 * trace only with {@code --stacktrace}; with {@code --output json} also {@code {"error":{...}}} on stdout.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler,
        IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable error) {
        return exitCode(error).code();
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        DrCommand root = (DrCommand) commandLine.getCommandSpec().root().userObject();
        return report(error, commandLine, root.output().json(), root.output().stacktrace());
    }

    /** Parsing failed, so the options are read from the raw arguments. */
    @Override
    public int handleParseException(ParameterException error, String[] args) {
        List<String> arguments = Arrays.asList(args);
        boolean json = arguments.contains("--output=json")
                || arguments.indexOf("--output") >= 0 && arguments.indexOf("--output") + 1 < arguments.size()
                   && arguments.get(arguments.indexOf("--output") + 1).equals("json");
        return report(error, error.getCommandLine(), json, arguments.contains("--stacktrace"));
    }

    private int report(Throwable thrown, CommandLine commandLine, boolean json, boolean stacktrace) {
        Throwable error = thrown instanceof UnfinishedResult unfinished ? unfinished.failure() : thrown;
        ExitCode code = exitCode(error);
        String message = message(error);
        PrintWriter err = commandLine.getErr();
        err.println("dr: " + message);
        if (stacktrace) {
            error.printStackTrace(err);
        }
        err.flush();
        PrintWriter out = commandLine.getOut();
        ObjectNode aws = awsFields(error);
        if (thrown instanceof UnfinishedResult unfinished) {
            // The result was produced before the failure: still one document, which now also says what failed.
            Printer.print(out, json ? withError(unfinished.result(), code, message, aws) : unfinished.result());
        } else if (json) {
            out.println(document(code, message, aws));
            out.flush();
        }
        return code.code();
    }

    /**
     * The AWS error behind {@code error} as fields, whether AWS answered or the request got no answer (a region that
     * does not answer: service, operation, region and the SDK's message; no status, no code); null when none.
     */
    private static ObjectNode awsFields(Throwable error) {
        return AwsServiceErrors.ofCall(error).map(aws -> {
            ObjectNode fields = aws.toJson();
            AwsServiceErrors.region(error).ifPresent(region -> fields.put("region", region));
            return fields;
        }).orElse(null);
    }

    private static JsonNode withError(JsonNode result, ExitCode code, String message, ObjectNode aws) {
        ObjectNode document;
        if (result instanceof ObjectNode object && !object.has("error")) {
            document = object.deepCopy();
        } else {
            document = JsonNodeFactory.instance.objectNode();
            document.set("result", result);
        }
        document.set("error", errorNode(code, message, aws));
        return document;
    }

    static ExitCode exitCode(Throwable error) {
        if (error instanceof UnfinishedResult unfinished) {
            return exitCode(unfinished.failure());
        }
        if (error instanceof DrException dr) {
            return dr.exitCode();
        }
        if (error instanceof ParameterException) {
            return ExitCode.BAD_INPUT;
        }
        if (AwsServiceErrors.isAws(error)) {
            return ExitCode.FAILED;
        }
        return ExitCode.INTERNAL;
    }

    private static String message(Throwable error) {
        String message;
        if (error instanceof DrException) {
            message = error.getMessage();
        } else if (AwsServiceErrors.isAws(error)) {
            message = AwsServiceErrors.describe(error);
        } else if (error instanceof ParameterException usage) {
            message = usage.getMessage() + suggestion(usage) + " (see '"
                    + usage.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
        } else {
            message = "internal error: " + error + " (run again with --stacktrace and report it)";
        }
        return oneLine(message);
    }

    private static String suggestion(ParameterException usage) {
        if (usage instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static String errorDocument(ExitCode code, String message) {
        return errorDocument(code, message, null);
    }

    /** {@code aws}: the AWS error behind it, given as fields too ({@code aws.service}, {@code aws.operation}...). */
    static String errorDocument(ExitCode code, String message, ServiceError aws) {
        return document(code, message, aws == null ? null : aws.toJson());
    }

    private static String document(ExitCode code, String message, ObjectNode aws) {
        // Built here, not at class load: every command loads this class, few print a JSON error.
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("error", errorNode(code, message, aws));
        return document.toString();
    }

    private static ObjectNode errorNode(ExitCode code, String message, ObjectNode aws) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("exitCode", code.code());
        error.put("message", message);
        if (aws != null) {
            error.set("aws", aws);
        }
        return error;
    }
}
