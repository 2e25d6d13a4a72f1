package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The exit codes are a contract with scripts: these numbers never change meaning. */
class ExitCodeTest {

    @Test
    void theDocumentedNumbers() {
        assertThat(Arrays.stream(ExitCode.values()).map(c -> c.name() + "=" + c.code()))
                .containsExactly("OK=0", "ERROR=1", "USAGE=2", "AWS=3", "TASK_FAILED=4", "TASK_CANCELLED=5",
                        "TIMEOUT=6", "DECLINED=7", "INCOMPLETE=8", "STATE=9", "INTERRUPTED=130", "TERMINATED=143");
    }

    @Test
    void theHelpListsEveryCodeWithItsMeaning() {
        Map<String, String> help = Cli.exitCodeHelp();
        assertThat(help).hasSize(ExitCode.values().length);
        assertThat(help).containsEntry("  0", ExitCode.OK.meaning()).containsEntry("130", ExitCode.INTERRUPTED.meaning());
        assertThat(ExitCode.TASK_FAILED.meaning()).contains("FAILED");
        assertThat(ExitCode.TIMEOUT.meaning()).contains("--timeout");
    }
}
