package dev.sqsredrive.cli;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.task.TaskHandles;
import dev.sqsredrive.task.TaskTracker;

/**
 * Reads an argument that may be a task handle or a queue. Handles recorded here or in AWS's format are
 * handles; ARNs and URLs are queues; a bare word is tried as a queue name first and as a handle second
 * (some endpoints' handles look like queue names).
 */
final class TaskTargets {

    private TaskTargets() {
    }

    static TaskTracker tracker(Session session, String target) {
        var locator = session.locator();
        if (session.localTasks().find(target).isPresent() || TaskHandles.sourceArnOf(target).isPresent()) {
            return locator.byHandle(target);
        }
        QueueRef ref;
        try {
            ref = QueueRef.parse(target);
        } catch (RedriveException notAQueue) {
            return locator.byHandle(target);
        }
        try {
            return locator.bySource(session.resolver().resolve(ref).arn());
        } catch (RedriveException e) {
            if (ref.url().isEmpty() && !ref.input().startsWith("arn:") && e.getCause() != null
                    && AwsErrors.isNotFound(e.getCause())) {
                return locator.byHandle(target);
            }
            throw e;
        }
    }
}
