package dev.sqsredrive.task;

import java.util.List;

/**
 * What following a task needs from SQS: the most recent move tasks of a source. {@link NativeTasks} is the
 * real one; tests of the AWS-only behaviours no local server shows (handles dropped after RUNNING) give their own.
 */
@FunctionalInterface
public interface MoveTaskLister {

    /** The most recent move tasks of this source, newest first, at most {@code max}. */
    List<MoveTask> list(String sourceArn, int max);
}
