package dev.sqsredrive.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.sqsredrive.aws.AwsSettings;
import dev.sqsredrive.aws.CallerAccount;
import dev.sqsredrive.aws.CallerIdentity;
import dev.sqsredrive.aws.DeadLetterQueues;
import dev.sqsredrive.aws.Endpoints;
import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.aws.SqsClients;
import dev.sqsredrive.mover.Clocks;
import dev.sqsredrive.mover.Journals;
import dev.sqsredrive.render.Output;
import dev.sqsredrive.task.ClientTaskRun;
import dev.sqsredrive.task.LocalTasks;
import dev.sqsredrive.task.MoveStarter;
import dev.sqsredrive.task.NativeTasks;
import dev.sqsredrive.task.StateDir;
import dev.sqsredrive.task.TaskCanceller;
import dev.sqsredrive.task.TaskListing;
import dev.sqsredrive.task.TaskLocator;
import dev.sqsredrive.task.TaskWatch;

/**
 * Everything one command run works with, wired from the global options: output, SQS clients (built on
 * first use, so --help and bad input never pay for them), the local task records. Closed when the command ends.
 */
final class Session implements AutoCloseable {

    private final Context context;
    private final GlobalOptions globals;
    private final Output output;
    private SqsClients clients;
    private LocalTasks localTasks;
    private CallerAccount callerAccount;
    private boolean callerWanted;
    private CallerIdentity callerIdentity = CallerIdentity.none();
    /** Each resolved queue as it was typed: whether it named an account decides the account check. */
    private final Map<String, QueueRef> typedByArn = new ConcurrentHashMap<>();

    Session(Context context, GlobalOptions globals, Output output) {
        this.context = context;
        this.globals = globals;
        this.output = output;
    }

    Output out() {
        return output;
    }

    Context context() {
        return context;
    }

    GlobalOptions globals() {
        return globals;
    }

    SqsClients clients() {
        if (clients == null) {
            if (globals.readTimeoutSeconds < 1 || globals.connectTimeoutSeconds < 1) {
                throw RedriveException.usage("--cli-read-timeout and --cli-connect-timeout take a whole number of"
                        + " seconds, at least 1");
            }
            AwsSettings settings = AwsSettings.resolve(globals.profile, globals.region, globals.endpointUrl,
                    globals.readTimeout(), globals.connectTimeout(), context.env());
            output.verbose("profile: " + settings.profile().orElse("(default chain)") + ", region: "
                    + settings.region().orElse("(from the queue)") + ", endpoint: "
                    + settings.endpoint().map(Object::toString).orElse("(AWS)"));
            settings.endpoint().filter(Endpoints::plainHttpOffLoopback).ifPresent(e -> output.warn("--endpoint-url "
                    + e + " is plain http to a host that is not this machine: requests, message bodies and"
                    + " credentials' signatures cross the network unencrypted (use https)"));
            clients = new SqsClients(settings);
            if (callerWanted) {
                callerIdentity = CallerIdentity.lookUp(settings);
            }
        }
        return clients;
    }

    /**
     * For the audit log: asks STS who the caller is, in the background, once this command has its AWS
     * settings (never for a command that fails before it talks to AWS, nor against an emulator).
     */
    void lookUpCaller() {
        callerWanted = true;
        if (clients != null) {
            callerIdentity = CallerIdentity.lookUp(clients.settings());
        }
    }

    /** The caller's ARN, if STS has told it or tells it within {@code bound}. */
    Optional<String> callerArn(Duration bound) {
        return callerIdentity.arnWithin(bound, context.sleeper());
    }

    QueueResolver resolver() {
        return new QueueResolver(clients(), new QueueResolver.Listener() {
            @Override
            public void resolved(QueueRef typed, ResolvedQueue queue) {
                Session.this.resolved(typed, queue);
            }

            @Override
            public void note(String line) {
                output.note("redrive: " + line);
            }
        });
    }

    /** -v: each queue as typed and what it resolved to; the caller's account when the queue is in another. */
    private void resolved(QueueRef typed, ResolvedQueue q) {
        typedByArn.put(q.arn(), typed);
        if (!globals.verbose()) {
            return;
        }
        Optional<String> caller = callerAccountIfOther(q);
        output.verbose("queue " + typed.input() + " -> " + q.url() + ", " + q.arn() + ", region " + q.region()
                + ", account " + q.accountId() + caller.map(c -> " (not the caller's account, " + c + ")").orElse(""));
    }

    private CallerAccount callerAccount() {
        if (callerAccount == null) {
            callerAccount = CallerAccount.viaSts(clients().settings());
        }
        return callerAccount;
    }

    /**
     * The caller's account, when this resolved queue was named by URL or ARN and is in another account (AWS
     * only). Asked only where it is shown (-v, the plan), so a script pays no STS call for it.
     */
    Optional<String> callerAccountIfOther(ResolvedQueue q) {
        QueueRef typed = typedByArn.get(q.arn());
        return typed == null ? Optional.empty() : callerAccount().otherThanCaller(typed, q);
    }

    /** The native-task API of the region a queue ARN lives in. */
    NativeTasks nativeTasks(String queueArn) {
        String region = QueueArns.region(queueArn);
        return new NativeTasks(clients().forRegion(region), clients().withoutRetriesForRegion(region),
                context.clock(), context.sleeper());
    }

    Path stateDir() {
        return StateDir.resolve(context.env());
    }

    /** One for the whole command, so a record that cannot be read is warned about once, not at every poll. */
    LocalTasks localTasks() {
        if (localTasks == null) {
            StateDir.requireSafe(stateDir()); // records another user could plant are not read, nor written
            localTasks = new LocalTasks(stateDir(), output::warn, context.clock());
        }
        return localTasks;
    }

    /**
     * A client-side run for one start: its journals in the state directory, their warnings on stderr. Its own
     * object, so that Ctrl-C can stop it ({@link ClientTaskRun#stop}).
     */
    ClientTaskRun clientRun() {
        return new ClientTaskRun(clients(), localTasks(), new Journals(stateDir(), output::warn, context.clock()),
                clocks(), new WriterOutputStream(output.out()));
    }

    /** Starts moves in the mode asked for: native tasks in the source's region, client-side ones on this run. */
    MoveStarter moveStarter(ClientTaskRun clientRun) {
        return new MoveStarter(resolver(), this::nativeTasks, localTasks(), clientRun, clients().settings().endpoint(),
                context.clock());
    }

    List<String> regionDlqs() {
        return DeadLetterQueues.discover(clients().defaultClient());
    }

    List<DeadLetterQueues.Dlq> regionDlqSurvey() {
        return DeadLetterQueues.survey(clients().defaultClient());
    }

    TaskLocator locator() {
        return new TaskLocator(this::nativeTasks, localTasks(), this::regionDlqs);
    }

    /** The tasks of a DLQ, native and client-side together. */
    TaskListing taskListing() {
        return new TaskListing(this::nativeTasks, localTasks());
    }

    TaskCanceller canceller() {
        return new TaskCanceller(this::nativeTasks, localTasks(), locator(), context.clock());
    }

    TaskWatch taskWatch() {
        return new TaskWatch(context.clock(), context.sleeper());
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }

    /** The context's time as a run reads and waits on it. */
    Clocks clocks() {
        return new Clocks(context.clock(), context.ticker(), context.sleeper());
    }
}
