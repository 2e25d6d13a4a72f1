package dev.sqsredrive.mover;

/**
 * One entry of a batch call (send, delete, visibility change): the message, under an id unique in its
 * batch, by which the per-entry result answers.
 */
public record Entry(String id, Msg message) {
}
