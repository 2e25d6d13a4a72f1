package dev.sqsredrive.task;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.SqsClients;
import dev.sqsredrive.mover.Destination;
import dev.sqsredrive.mover.Routing;
import dev.sqsredrive.mover.file.FileEndpoints;
import dev.sqsredrive.mover.file.FileQueues;
import dev.sqsredrive.mover.file.FileRef;
import dev.sqsredrive.mover.sqs.SqsEndpoint;
import dev.sqsredrive.mover.sqs.SqsQueueOps;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The queues a client-side run moves between, as the mover takes them: its endpoints, its routing, its workers. */
final class RunQueues {

    private final SqsClients clients;
    private final Clock clock;
    private final OutputStream stdout;
    private final Map<String, SqsClient> clientByUrl = new ConcurrentHashMap<>();

    /** @param stdout where an export to file:- writes its lines */
    RunQueues(SqsClients clients, Clock clock, OutputStream stdout) {
        this.clients = clients;
        this.clock = clock;
        this.stdout = stdout;
    }

    /**
     * The run's queues: SQS, and the files it reads or writes (opened now, so one that cannot be opened stops
     * the run before anything moves; a dry run writes no file).
     */
    /** @param deleted what earlier runs' journals say was deleted: of an import, the lines already done */
    FileEndpoints endpoints(ClientTaskRun.Plan plan, Set<String> deleted, Consumer<String> notes) {
        ClientOptions o = plan.options();
        SqsEndpoint sqs = new SqsEndpoint(new SqsQueueOps(this::clientFor, clients::longPoll,
                clients.settings().readTimeout()));
        List<FileRef> exports = plan.destination() != null && FileRef.isFile(plan.destination().arn()) && !o.dryRun()
                ? List.of(FileRef.ofAddress(plan.destination().arn())) : List.of();
        FileRef archive = o.archive() == null || o.dryRun() ? null : FileRef.ofAddress(FileRef.PREFIX + o.archive());
        Set<String> deletedBefore = FileRef.isFile(plan.source().arn()) ? deleted : Set.of();
        return new FileEndpoints(sqs, new FileEndpoints.Files(plan.source().arn(), o.existing(), archive,
                deletedBefore, plan.source().approximateDepth(), stdout), exports, clock, notes);
    }

    /**
     * Workers (null: adaptive): a file whose messages carry FIFO groups is imported by one worker, since a file, unlike a FIFO
     * queue, does not hide the rest of a group while a message of it is in flight.
     */
    static Integer workers(ClientTaskRun.Plan plan, Consumer<String> notes) {
        boolean groups = Boolean.parseBoolean(plan.source().attributes().getOrDefault(FileQueues.HAS_GROUPS, "false"));
        Integer asked = plan.options().concurrency(); // null: adaptive
        if (groups && (asked == null || asked > 1)) {
            notes.accept("the file's messages have FIFO groups: imported by one worker, to keep each group's order");
            return 1;
        }
        return asked;
    }

    Routing routing(ClientTaskRun.Plan plan) {
        QueueResolver resolver = new QueueResolver(clients);
        Destination fixed = plan.destination() == null ? null : Destination.of(plan.destination());
        Destination single = fixed == null && plan.sourceUrls().size() == 1
                ? Destination.of(resolver.resolve(QueueRef.parse(plan.sourceUrls().get(0)))) : null;
        return new Routing(fixed, single, plan.sourceUrls().size(), arn -> {
            try {
                return Optional.of(Destination.of(resolver.resolve(QueueRef.parse(arn))));
            } catch (RedriveException e) {
                if (e.getCause() != null && AwsErrors.isNotFound(e.getCause())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private SqsClient clientFor(String queueUrl) {
        return clientByUrl.computeIfAbsent(queueUrl, u -> clients.withoutRetries(QueueRef.parse(u)));
    }
}
