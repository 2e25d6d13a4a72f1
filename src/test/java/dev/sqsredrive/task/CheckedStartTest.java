package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.task.ModeSelector.Mode;
import org.junit.jupiter.api.Test;

/**
 * The offline check decides once what the request alone settles, and the start goes with that decision: a
 * file taking part, an export to standard output, a mode that cannot serve the request.
 */
class CheckedStartTest {

    private static MoveStarter.Request request(String source, String destination, Mode mode, ClientOptions options) {
        return new MoveStarter.Request(source, destination, null, mode, options, null);
    }

    @Test
    void aFileTakingPartSettlesTheClientSideMoverAndSaysWhyInAutoMode() {
        CheckedStart checked = CheckedStart.of(request("file:/tmp/in.jsonl", "orders", Mode.AUTO, ClientOptions.none()));

        assertThat(checked.offline().client()).isTrue();
        assertThat(checked.offline().reason()).contains("a file takes part");
        assertThat(CheckedStart.of(request("file:/tmp/in.jsonl", "orders", Mode.CLIENT, ClientOptions.none()))
                .offline().reason()).as("asked for: nothing to explain").isNull();
    }

    @Test
    void aFileRefusesNativeModeBeforeAnyQueueIsAsked() {
        assertThatThrownBy(() -> CheckedStart.of(request("dlq", "file:/tmp/out.jsonl", Mode.NATIVE,
                ClientOptions.none())))
                .isInstanceOf(RedriveException.class)
                .hasMessage("--mode native cannot do this: a file takes part (only the client-side mover reads and"
                        + " writes files); use --mode client or auto");
    }

    @Test
    void anExportToStandardOutputCopiesAndTellsTheOperatorOnce() {
        CheckedStart checked = CheckedStart.of(request("dlq", "file:-", Mode.AUTO, ClientOptions.none()));

        assertThat(checked.options().copy()).isTrue();
        assertThat(checked.note()).startsWith("writing to standard output: nothing is deleted from the DLQ");
        CheckedStart preview = CheckedStart.of(request("dlq", "file:-", Mode.AUTO,
                ClientOptions.builder().dryRun(true).build()));
        assertThat(preview.options().copy()).isTrue();
        assertThat(preview.note()).as("a dry run deletes nothing anyway").isNull();
    }

    @Test
    void queuesAloneLeaveTheModeToTheQueuesAndTheOptionsAsGiven() {
        ClientOptions options = ClientOptions.builder().concurrency(8).build();
        CheckedStart checked = CheckedStart.of(request("dlq", "orders", Mode.AUTO, options));

        assertThat(checked.offline()).isNull();
        assertThat(checked.options()).isEqualTo(options);
        assertThat(checked.note()).isNull();
    }
}
