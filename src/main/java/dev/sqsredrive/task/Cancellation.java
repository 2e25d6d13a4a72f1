package dev.sqsredrive.task;

/** The outcome of a cancel: which task, and about how many messages had moved by then. */
public record Cancellation(String handle, MoveTask.Kind kind, long moved) {
}
