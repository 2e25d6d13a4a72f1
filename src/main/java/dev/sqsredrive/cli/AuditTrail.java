package dev.sqsredrive.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.audit.AuditLog;
import dev.sqsredrive.audit.AuditRecord;
import dev.sqsredrive.audit.LocalIdentity;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.task.StateDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What one run of an audited command (start, cancel, inspect) leaves in the audit log: the command fills in
 * what it learns (source, destination, counts, outcome) as it goes, and {@link #run} writes the line however
 * it ends, with the exit code it ends with. Writing it can only warn: the line is a record of what was done,
 * never a reason to change what was done or how it is reported (docs/STATE.md, "Audit log").
 */
final class AuditTrail {

    /** How long a command that ends before STS has told who called it waits for the answer, at most. */
    static final Duration CALLER_WAIT = Duration.ofSeconds(1);

    /** The body of an audited command: returns its exit code. */
    interface Body {
        int run(AuditTrail trail) throws Exception;
    }

    private final Session session;
    private final String command;
    private final List<String> args;
    private String source;
    private String destination;
    private List<String> filters = List.of();
    private String handle;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private String outcome;
    private boolean written;

    private AuditTrail(Session session, CommandSpec spec) {
        this.session = session;
        this.command = spec.name();
        this.args = spec.root().commandLine().getParseResult().originalArgs();
    }

    /**
     * Runs an audited command and appends its line: one line however it ends (an error is recorded with the
     * exit code and message the error handler gives it, then thrown on unchanged).
     */
    static int run(Session session, CommandSpec spec, Body body) throws Exception {
        AuditTrail trail = new AuditTrail(session, spec);
        session.lookUpCaller();
        int code;
        try {
            code = body.run(trail);
        } catch (Exception e) {
            ExecutionErrorHandler.Failure failure = ExecutionErrorHandler.classify(e);
            trail.write(failure.code().code(), failure.message());
            throw e;
        }
        trail.end(code);
        return code;
    }

    AuditTrail source(String queue) {
        this.source = queue;
        return this;
    }

    AuditTrail destination(String queue) {
        this.destination = queue;
        return this;
    }

    AuditTrail filters(List<String> expressions) {
        this.filters = expressions == null ? List.of() : expressions;
        return this;
    }

    AuditTrail handle(String taskHandle) {
        this.handle = taskHandle;
        return this;
    }

    AuditTrail count(String name, long value) {
        counts.put(name, value);
        return this;
    }

    /** How it ended, as a task status (COMPLETED, RUNNING, ...); without one, the exit code's name. */
    AuditTrail outcome(String status) {
        this.outcome = status;
        return this;
    }

    /**
     * Writes the line now, once: for a client-side run, before Ctrl-C's hook lets the JVM exit (it waits for
     * the summary, not for what follows it).
     */
    void end(int exitCode) {
        write(exitCode, null);
    }

    private void write(int exitCode, String error) {
        if (written) {
            return;
        }
        written = true;
        LocalIdentity local = LocalIdentity.of(session.context().env(), session.context().sleeper());
        AuditRecord record = new AuditRecord(session.context().clock().instant(), command, args, local.user(),
                local.host(), session.callerArn(CALLER_WAIT).orElse(null), source, destination, filters, handle,
                counts, outcome != null ? outcome : nameOf(exitCode), exitCode, error);
        try {
            // Not into a directory another user could write to: a link planted there would take the line
            // elsewhere (docs/STATE.md).
            StateDir.requireSafe(session.stateDir());
            new AuditLog(session.stateDir()).append(record);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof RedriveException r ? r.getMessage()
                    : StateDir.unusable(session.stateDir(), e).getMessage();
            // A command that failed for its state directory (exit 9, or a REDRIVE_STATE_DIR refused as bad
            // input) has said so in its one line already.
            if (exitCode != ExitCode.STATE.code() && !why.equals(error)) {
                session.out().warn("audit log not written: " + why);
            }
        }
    }

    private static String nameOf(int exitCode) {
        for (ExitCode c : ExitCode.values()) {
            if (c.code() == exitCode) {
                return c.name();
            }
        }
        return "EXIT_" + exitCode;
    }
}
