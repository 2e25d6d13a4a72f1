package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.guard.MaxReturned;
import dev.sqsredrive.task.ModeSelector.Mode;
import org.junit.jupiter.api.Test;

/** How the safe-redrive guards choose the mode, and which of them each mode can serve. */
class SafeRedriveTest {

    private static SafeRedrive safe(String maxReturned, Long canary, Long maxBacklog, boolean watched) {
        return new SafeRedrive(maxReturned == null ? null : MaxReturned.parse(maxReturned), canary, null, maxBacklog,
                watched);
    }

    private static ModeSelector.Decision offline(Mode mode, SafeRedrive safe) {
        return ModeSelector.offline(mode, null, ClientOptions.none(), safe);
    }

    @Test
    void withoutGuardsNothingIsDecidedOffline() {
        assertThat(offline(Mode.AUTO, SafeRedrive.NONE)).isNull();
        assertThat(offline(Mode.AUTO, safe("off", null, null, false))).as("off needs no breaker at all").isNull();
        assertThat(offline(Mode.NATIVE, safe("off", null, null, false))).isNull();
    }

    @Test
    void inAutoModeEachGuardSelectsTheClientSideMoverSayingWhy() {
        assertThat(offline(Mode.AUTO, safe(null, 10L, null, false)))
                .isEqualTo(new ModeSelector.Decision(true, "--canary needs the client-side mover (a native move task"
                        + " cannot pause to watch)"));
        assertThat(offline(Mode.AUTO, safe(null, null, 1_000L, true)).reason())
                .startsWith("--max-backlog needs the client-side mover");
        assertThat(offline(Mode.AUTO, safe("5", null, null, true)).reason())
                .as("auto mode takes the client-side breaker even with --watch")
                .startsWith("--max-returned was given (a native move task cannot stop itself");
        assertThat(offline(Mode.AUTO, safe("5%", 3L, 9L, false)).reason().split("; ")).hasSize(3);
    }

    @Test
    void nativeModeServesAnExplicitBoundOnlyWithWatchAndRefusesTheOthers() {
        assertThat(offline(Mode.NATIVE, safe("5", null, null, true))).isNull();
        assertThatThrownBy(() -> offline(Mode.NATIVE, safe("5", null, null, false)))
                .isInstanceOf(RedriveException.class)
                .hasMessage("--mode native cannot do this: --max-returned needs --watch with a native task (the"
                        + " watcher cancels it past the bound); use --mode client or auto");
        assertThatThrownBy(() -> offline(Mode.NATIVE, safe(null, 10L, null, true)))
                .hasMessageStartingWith("--mode native cannot do this: --canary needs the client-side mover");
        assertThatThrownBy(() -> offline(Mode.NATIVE, safe(null, null, 10L, true)))
                .hasMessageStartingWith("--mode native cannot do this: --max-backlog needs the client-side mover");
    }

    @Test
    void clientModeTakesThemAllWithoutAReason() {
        assertThat(offline(Mode.CLIENT, safe("5", 10L, 10L, false))).isEqualTo(new ModeSelector.Decision(true, null));
    }

    @Test
    void badNumbersAreRefusedInOneLine() {
        assertThatThrownBy(() -> safe(null, 0L, null, false).checkInput())
                .hasMessage("--canary takes a positive number of messages, not 0");
        assertThatThrownBy(() -> safe(null, null, -1L, false).checkInput())
                .hasMessage("--max-backlog takes a positive number of messages, not -1");
        assertThatThrownBy(() -> new SafeRedrive(null, null, Duration.ofSeconds(5), null, false).checkInput())
                .hasMessage("--canary-wait goes with --canary N");
        assertThat(new SafeRedrive(null, 5L, null, null, false).canaryWaitOrDefault()).isEqualTo(Duration.ofSeconds(60));
    }
}
