package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * Ctrl-C's hook stops the run, then waits for it to wind down on the command's sleeper, for its bound at most
 * (a fake sleeper passes that time at once: on the system's clock this test would wait 15 s).
 */
class InterruptHookTest {

    private final List<Duration> waited = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    @Test
    void aRunThatDoesNotWindDownIsWaitedForItsBoundOnTheCommandsClock() {
        try (InterruptHook hook = InterruptHook.install(() -> stopped.set(true), waited::add)) {
            hook.onShutdown();

            assertThat(stopped).as("the run was told to stop").isTrue();
            assertThat(hook.fired()).isTrue();
            assertThat(waited).containsExactly(InterruptHook.DRAIN_TIMEOUT);
        }
    }

    @Test
    void aWatchIsWaitedForItsOwnBound() {
        try (InterruptHook hook = InterruptHook.install(() -> stopped.set(true), InterruptHook.WATCH_TIMEOUT,
                waited::add)) {
            hook.onShutdown();

            assertThat(waited).containsExactly(InterruptHook.WATCH_TIMEOUT);
        }
    }

    @Test
    void aRunThatHasWoundDownIsNotWaitedFor() {
        InterruptHook hook = InterruptHook.install(() -> stopped.set(true), waited::add);
        hook.close(); // the summary is out

        hook.onShutdown();

        assertThat(stopped).isTrue();
        assertThat(waited).isEmpty();
    }
}
