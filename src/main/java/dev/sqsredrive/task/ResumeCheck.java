package dev.sqsredrive.task;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.mover.file.FileKind;
import dev.sqsredrive.mover.file.FileRef;

/**
 * What {@code start --resume} takes besides the handle. A resume carries on the task as it was recorded:
 * SOURCE, --to, --filter, --copy, --rate and --limit may be given only with the recorded value (or left
 * out), since a task cannot move somewhere else, select other messages or take another limit half-way
 * without making its journal and its limit count wrong; a silently ignored option once moved a whole DLQ
 * that was meant to be a dry run. --concurrency, --mode client, --yes and --watch change how it runs, not
 * what it moves, and are honoured. --dry-run is refused outright: a dry run is no task.
 */
final class ResumeCheck {

    private ResumeCheck() {
    }

    /** The checks that need no AWS call. */
    static void offline(MoveStarter.Request r) {
        if (r.options().dryRun()) {
            throw RedriveException.usage("--dry-run cannot go with --resume: a dry run is no task (preview with"
                    + " 'redrive start SOURCE --dry-run' instead)");
        }
    }

    /**
     * @param plan the task's own queues, resolved from its journal header
     * @throws RedriveException (usage) naming the value given and the recorded one, for the first contradiction
     */
    static void against(MoveStarter.Request r, String handle, JournalHeader recorded, MovePlan plan,
                        QueueResolver resolver) {
        String task = "task " + handle;
        if (r.source() != null && !sameQueue(r.source(), plan.source(), resolver)) {
            throw contradiction("SOURCE '" + r.source().strip() + "'", task, "moves from '" + plan.source().name() + "'");
        }
        if (r.destination() != null && (plan.destination() == null
                || !sameQueue(r.destination(), plan.destination(), resolver))) {
            throw contradiction("--to '" + r.destination().strip() + "'", task, plan.destination() == null
                    ? "moves each message back to its origin" : "moves to '" + plan.destination().name() + "'");
        }
        ClientOptions given = r.options();
        ClientOptions saved = recorded.options();
        if (!given.filters().isEmpty() && !asSet(given.filters()).equals(asSet(saved.filters()))) {
            throw contradiction(filters(given.filters()), task, saved.filters().isEmpty()
                    ? "moves without a filter" : "moves with " + filters(saved.filters()));
        }
        if (given.copy() && !saved.copy()) {
            throw contradiction("--copy", task, "moves (deletes what it sent)");
        }
        if (r.rate() != null && !r.rate().equals(recorded.rate())) {
            throw contradiction("--rate " + CheckedStart.number(r.rate()), task, recorded.rate() == null
                    ? "moves without a rate limit" : "moves at " + CheckedStart.number(recorded.rate()) + "/s");
        }
        if (given.limit() != null && !given.limit().equals(saved.limit())) {
            throw contradiction("--limit " + given.limit(), task, saved.limit() == null
                    ? "moves without a limit" : "has --limit " + saved.limit());
        }
    }

    /** Compared as queues, not as text: a name, URL and ARN of one queue are the same queue. */
    private static boolean sameQueue(String typed, ResolvedQueue recorded, QueueResolver resolver) {
        if (MovePlanner.isFile(typed) || FileRef.isFile(recorded.arn())) {
            return FileKind.INSTANCE.parse(typed).map(FileRef::address).filter(recorded.arn()::equals).isPresent();
        }
        QueueRef ref = QueueRef.parse(typed);
        if (ref.input().strip().equals(recorded.arn()) || ref.url().filter(recorded.url()::equals).isPresent()) {
            return true;
        }
        try {
            return resolver.resolve(ref).arn().equals(recorded.arn());
        } catch (RedriveException e) {
            if (e.getCause() != null && AwsErrors.isNotFound(e.getCause())) {
                return false; // the task's queue exists, so a queue that does not is another one
            }
            throw e;
        }
    }

    private static RedriveException contradiction(String given, String task, String recorded) {
        return RedriveException.usage(given + " contradicts " + task + " which " + recorded
                + " (leave it out to resume as recorded)");
    }

    private static Set<String> asSet(List<String> filters) {
        return filters.stream().map(String::strip).collect(Collectors.toSet());
    }

    private static String filters(List<String> filters) {
        return filters.stream().map(f -> "--filter '" + f + "'").collect(Collectors.joining(" "));
    }
}
