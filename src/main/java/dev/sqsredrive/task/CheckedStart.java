package dev.sqsredrive.task;

import dev.sqsredrive.aws.RedriveException;

/**
 * A start request that passed every check needing no AWS call, with what those checks decided, so that
 * nothing on the way to the move decides it again: made once, by {@link #of}.
 *
 * @param request the request as given
 * @param offline the mode when the request alone settles it (files, filters, guards, a rate native tasks
 *                cannot take, --mode client); null when it depends on the queues; null for a resume
 * @param options the options the run goes with: an export to standard output copies (deletes nothing)
 * @param note    what to tell the operator about those options once the move starts; null for nothing
 */
public record CheckedStart(MoveStarter.Request request, ModeSelector.Decision offline, ClientOptions options,
                           String note) {

    /**
     * The slowest --rate: one message every 100 s. The bucket starts empty, so the first message waits a whole
     * interval too; at 0.0001 that was nearly three hours with nothing moving and nothing said.
     */
    public static final double MIN_CLIENT_RATE = 0.01;

    /**
     * The checks that need no AWS call, so bad input fails fast and offline, and what they decide: the only
     * place the request's mode, files and resume options are judged before the queues are known.
     */
    public static CheckedStart of(MoveStarter.Request r) {
        if (r.rate() != null && !(r.rate() >= MIN_CLIENT_RATE && Double.isFinite(r.rate()))) {
            throw RedriveException.usage("--rate " + number(r.rate()) + " is out of range: give at least "
                    + MIN_CLIENT_RATE + " messages per second, one every " + Math.round(1 / MIN_CLIENT_RATE) + " s (a"
                    + " native move task takes " + MovePlanner.MIN_NATIVE_RATE + " to " + MovePlanner.MAX_NATIVE_RATE
                    + ", the client-side mover " + MIN_CLIENT_RATE + " or more)");
        }
        ClientOptions o = r.options();
        if (o.concurrency() != null && (o.concurrency() < 1 || o.concurrency() > ClientOptions.MAX_CONCURRENCY)) {
            throw RedriveException.usage(ClientOptions.concurrencyRefused(String.valueOf(o.concurrency())));
        }
        if (o.limit() != null && o.limit() < 1) {
            throw RedriveException.usage("--limit takes a positive number of messages, not " + o.limit());
        }
        if (o.showBodies() && !o.dryRun()) {
            throw RedriveException.usage("--show-bodies goes with --dry-run");
        }
        o.filters().forEach(dev.sqsredrive.mover.MessageFilter::parse);
        FileMoves.checkArchive(r);
        r.safe().checkInput();
        if (r.resumeHandle() != null) {
            if (r.mode() == ModeSelector.Mode.NATIVE) {
                throw RedriveException.usage("--resume continues a client-side task: it cannot be --mode native");
            }
            ResumeCheck.offline(r);
            return new CheckedStart(r, null, o, null);
        }
        if (r.source() == null) {
            throw RedriveException.usage("missing SOURCE: the DLQ to move from (or --resume HANDLE)");
        }
        MovePlanner.checkQueues(r.source(), r.destination());
        ModeSelector.Decision decision = ModeSelector.offline(r.mode(), r.rate(), o, r.safe());
        String files = FileMoves.reason(r);
        if (files != null) {
            if (r.mode() == ModeSelector.Mode.NATIVE) {
                throw RedriveException.usage("--mode native cannot do this: " + files + "; use --mode client or auto");
            }
            decision = new ModeSelector.Decision(true, r.mode() == ModeSelector.Mode.CLIENT ? null : files);
        }
        return new CheckedStart(r, decision, FileMoves.effective(o, r.destination()),
                o.dryRun() ? null : FileMoves.effectiveNote(o, r.destination()));
    }

    /** A rate as the operator typed it: 0.0001, not 1.0E-4; 5, not 5.0. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return d == Math.rint(d) ? Long.toString((long) d)
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(); // 0.0001, not 1.0E-4
    }

    public boolean resume() {
        return request.resumeHandle() != null;
    }
}
