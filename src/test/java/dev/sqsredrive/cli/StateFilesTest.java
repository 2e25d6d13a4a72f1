package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.StateFiles;
import dev.sqsredrive.testing.TestQueues.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;

/** One bad file in the state directory never stops a later run; a state directory that cannot be used is exit 9. */
@Timeout(120)
class StateFilesTest extends ElasticMqCliTest {

    @Test
    void aJournalLineOfInvalidUtf8IsSkippedAndTheRestStillCounts() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 5, "m");
        // An earlier run sent two messages and died before deleting them; a line between them is garbled.
        List<Message> held = queues.sqs().receiveMessage(q -> q.queueUrl(dlq.url()).maxNumberOfMessages(2)
                .visibilityTimeout(1)).messages();
        held.forEach(m -> queues.sqs().sendMessage(s -> s.queueUrl(target.url()).messageBody(m.body())));
        Path journal = StateFiles.journals(state).fileOf(dlq.arn(), "client-old");
        Files.createDirectories(journal.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("{}\nS " + held.get(0).messageId() + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'S', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        bytes.writeBytes(("S " + held.get(1).messageId() + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(journal, bytes.toByteArray());

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("journal " + journal + " line 3: not valid UTF-8; skipped");
        assertThat(queues.bodies(queues.drain(target))).as("the two sent are deleted, not sent again")
                .hasSize(5).doesNotHaveDuplicates();
        assertThat(queues.depth(dlq)).isZero();
    }

    @Test
    void aFolderNamedLikeAJournalIsSkipped() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 3, "m");
        Path folder = StateFiles.journals(state).fileOf(dlq.arn(), "x");
        Files.createDirectories(folder);

        RunResult r = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("skipping " + folder + ": not a regular file");
        assertThat(queues.depth(target)).isEqualTo(3);
    }

    @Test
    void aStateDirectoryUnderARegularFileIsExitNineBeforeAnythingMoves() throws Exception {
        // Tests run as root, which ignores permission bits: a path under a regular file fails for root too.
        Path file = Files.writeString(state.resolve("a-file"), "x");
        assertUnusable(file.resolve("state"), "not a directory");
    }

    @Test
    void aStateDirectoryVariableNamingAFileIsOneLineExitTwoForEveryCommand() throws Exception {
        Path file = Files.writeString(state.resolve("a-file"), "x");
        Map<String, String> env = queues.env(state);
        env.put("REDRIVE_STATE_DIR", file.toString());
        Queue dlq = queues.create("dlq");

        for (String[] args : List.of(new String[] {"list", dlq.name()}, new String[] {"list"},
                new String[] {"start", dlq.name(), "--mode", "client"}, new String[] {"watch", dlq.name()})) {
            RunResult r = Redrive.run(env, args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
            assertThat(r.errLines()).as(r.toString()).containsExactly("redrive: REDRIVE_STATE_DIR=" + file
                    + " is a file, not a directory: set it to a directory of your own");
        }
    }

    @Test
    void aRelativeStateDirectoryVariableIsRefusedRatherThanPutUnderTheCurrentFolder() {
        Map<String, String> env = queues.env(state);
        env.put("REDRIVE_STATE_DIR", "redrive-state");
        Queue dlq = queues.create("dlq");

        RunResult r = Redrive.run(env, "list", dlq.name());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.errLines()).as(r.toString()).containsExactly("redrive: REDRIVE_STATE_DIR=redrive-state is a"
                + " relative path, which would change with the current folder: give an absolute one");
        assertThat(Path.of("redrive-state")).doesNotExist();
    }

    @Test
    void aStateDirectoryNobodyCanWriteIsExitNine() {
        // /proc takes no new files, not even from root (a read-only mount would do, but cannot be made here).
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        assertUnusable(Path.of("/proc"), "cannot create /proc/");
    }

    private void assertUnusable(Path stateDir, String why) {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 3, "m");
        long before = queues.depth(dlq); // the same queues again when called twice in a test
        Map<String, String> env = queues.env(state);
        env.put("REDRIVE_STATE_DIR", stateDir.toString());

        RunResult r = Redrive.run(env, "start", dlq.name(), "--to", target.name(), "--mode", "client");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.STATE.code()).isEqualTo(9);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("redrive: state directory " + stateDir + ": ").contains(why)
                .contains("set REDRIVE_STATE_DIR");
        assertThat(r.out()).isEmpty();
        assertThat(queues.depth(dlq)).isEqualTo(before);
        assertThat(queues.depth(target)).isZero();
    }

    @Test
    void aGarbledTaskRecordIsSkippedWithOneWarning() throws Exception {
        Queue dlq = queues.create("dlq");
        Queue target = queues.create("target");
        queues.send(dlq, 2, "m");
        RunResult moved = redrive("start", dlq.name(), "--to", target.name(), "--mode", "client");
        assertThat(moved.exitCode()).as(moved.toString()).isZero();
        Path garbled = StateFiles.tasks(state).directory().resolve("0123456789abcdef.json");
        Files.write(garbled, new byte[] {'{', '"', 't', (byte) 0xc3, '\n'});

        RunResult list = redrive("list", dlq.name());

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(moved.outLines().get(0), "COMPLETED");
        assertThat(list.errLines()).as(list.toString()).hasSize(1);
        assertThat(list.err()).contains("skipping the task record " + garbled + ", which cannot be read");
    }
}
