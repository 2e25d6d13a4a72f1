package dev.sqsredrive.cli;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.task.TaskHandles;
import dev.sqsredrive.task.TaskTracker;

/**
 * Reads an argument that may be a task handle or a queue. Handles recorded here or in AWS's format are
 * handles; ARNs and URLs are queues (a malformed one is a usage error, not a handle to search for); a bare
 * word is tried as a queue name first and as a handle second (some endpoints' handles look like queue names).
 */
final class TaskTargets {

    private TaskTargets() {
    }

    static TaskTracker tracker(Session session, String target) {
        var locator = session.locator();
        if (session.localTasks().find(target).isPresent() || TaskHandles.sourceArnOf(target).isPresent()) {
            return locator.byHandle(target);
        }
        if (looksLikeQueue(target)) {
            return locator.bySource(session.resolver().resolve(QueueRef.parse(target)).arn());
        }
        QueueRef ref;
        try {
            ref = QueueRef.parse(target);
        } catch (RedriveException notAQueueName) {
            return locator.byHandle(target);
        }
        try {
            return locator.bySource(session.resolver().resolve(ref).arn());
        } catch (RedriveException e) {
            if (e.getCause() == null || !AwsErrors.isNotFound(e.getCause())) {
                throw e;
            }
            try {
                return locator.byHandle(target);
            } catch (RedriveException notAHandleEither) {
                // Both readings failed; the user most likely mistyped a queue name, so the resolver's message
                // (which suggests close names) comes first.
                throw RedriveException.aws(e.getMessage() + "; no task has that handle either", e.getCause());
            }
        }
    }

    private static boolean looksLikeQueue(String target) {
        String t = target.strip();
        return t.startsWith("arn:") || t.contains("://");
    }
}
