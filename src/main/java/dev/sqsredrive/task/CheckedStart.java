package dev.sqsredrive.task;

/**
 * A start request that passed every check needing no AWS call, with what those checks decided, so that
 * nothing on the way to the move decides it again: made once, by {@link MoveStarter#check}.
 *
 * @param request the request as given
 * @param offline the mode when the request alone settles it (files, filters, guards, a rate native tasks
 *                cannot take, --mode client); null when it depends on the queues; null for a resume
 * @param options the options the run goes with: an export to standard output copies (deletes nothing)
 * @param note    what to tell the operator about those options once the move starts; null for nothing
 */
public record CheckedStart(MoveStarter.Request request, ModeSelector.Decision offline, ClientOptions options,
                           String note) {

    public boolean resume() {
        return request.resumeHandle() != null;
    }
}
