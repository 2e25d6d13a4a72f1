package dev.sqsredrive.cli.badinput;

import static dev.sqsredrive.cli.badinput.BadInput.prompted;
import static dev.sqsredrive.cli.badinput.BadInput.refused;
import static dev.sqsredrive.cli.badinput.BadInput.warned;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;

import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.SilentServer;
import dev.sqsredrive.testing.SqsStub;
import dev.sqsredrive.testing.StateFiles;

/** Bad handles, damaged state files, unusable state directories, and an AWS that refuses or is silent. */
final class WorldInputs {

    private WorldInputs() {
    }

    static final String NO_SUCH_HANDLE = "client-00000000-0000-4000-8000-000000000000";

    static List<BadInput> all() {
        return List.of(
                // handles
                // a bare word may be a queue (ElasticMQ's handles are UUIDs, valid queue names): looked up as
                // one first, so not finding it is SQS's answer (exit 3), which the line says, and that no task has it
                refused("watch of a handle that does not exist", 3, "no task has that handle",
                        f -> () -> f.run("watch", NO_SUCH_HANDLE)),
                refused("cancel of a handle that does not exist", 2, NO_SUCH_HANDLE,
                        f -> () -> f.run("cancel", NO_SUCH_HANDLE)),
                refused("--resume of a handle that does not exist", 2, NO_SUCH_HANDLE,
                        f -> () -> f.run("start", "--resume", NO_SUCH_HANDLE)),
                refused("cancel of a task that already finished", 2, "COMPLETED", f -> {
                    String handle = f.finishedClientTask();
                    return () -> f.run("cancel", handle);
                }),
                // damaged state files: warned about, the run goes on, no message lost
                warned("a journal line of invalid UTF-8", "not valid UTF-8", f -> {
                    f.write(journal(f), concat("{}\nS ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, '\n'}));
                    return moveToTarget(f);
                }),
                warned("a journal cut short mid-line", "journal", f -> {
                    f.write(journal(f), "{\"taskHandle\":\"client-old\",\"sourceArn\":\"arn:aws:sq".getBytes(StandardCharsets.UTF_8));
                    return moveToTarget(f);
                }),
                warned("a journal of garbage", "set aside", f -> {
                    f.write(journal(f), new byte[] {0, 1, 2, (byte) 0xc3, '\n', (byte) 0xfe});
                    return moveToTarget(f);
                }),
                warned("a folder where a journal should be", "not a regular file", f -> {
                    mkdirs(journal(f));
                    return moveToTarget(f);
                }),
                warned("a garbled task record", "cannot be read", f -> {
                    f.write(record(f), new byte[] {'{', '"', 't', (byte) 0xc3, '\n'});
                    return () -> f.run("list", f.dlq.name());
                }),
                warned("a task record cut short", "cannot be read", f -> {
                    f.write(record(f), "{\"taskHandle\":\"client-x\",\"kind\":\"cli".getBytes(StandardCharsets.UTF_8));
                    return () -> f.run("list", f.dlq.name());
                }),
                // state directories
                refused("a state directory under a regular file", 9, "not a directory", f -> {
                    Path file = f.write(f.state.resolve("a-file"), new byte[] {'x'});
                    return () -> f.runAt(file.resolve("state"), "start", f.dlq.name(), "--to", f.target.name(),
                            "--mode", "client");
                }),
                refused("REDRIVE_STATE_DIR naming a file", 2, "is a file, not a directory", f -> {
                    Path file = f.write(f.state.resolve("a-file"), new byte[] {'x'});
                    return () -> f.runAt(file, "list", f.dlq.name());
                }),
                refused("a relative REDRIVE_STATE_DIR", 2, "relative path",
                        f -> () -> f.runAt(Path.of("state"), "list", f.dlq.name())),
                // root ignores permission bits; /proc takes no new files, not even from root
                refused("a state directory nobody can write", 9, "cannot create",
                        f -> () -> f.runAt(Path.of("/proc"), "start", f.dlq.name(), "--to", f.target.name(), "--mode",
                                "client")),
                refused("a state directory through a dangling symlink", 9, "not a directory", f -> {
                    Path link = f.symlink(f.state.resolve("link"), f.state.resolve("nowhere"));
                    return () -> f.runAt(link, "start", f.dlq.name(), "--to", f.target.name(), "--mode", "client");
                }),
                refused("a state directory through a symlink to a world-writable folder", 9, "writable by every user",
                        f -> {
                            Path open = worldWritable(f.state.resolve("open"));
                            Path link = f.symlink(f.state.resolve("link"), open);
                            return () -> f.runAt(link, "start", f.dlq.name(), "--to", f.target.name(), "--mode", "client");
                        }),
                refused("a world-writable state directory", 9, "writable by every user", f -> {
                    Path open = worldWritable(f.state.resolve("open"));
                    return () -> f.runAt(open, "start", f.dlq.name(), "--to", f.target.name(), "--mode", "client");
                }),
                refused("a state directory owned by another user", 9, "owned by nobody", f -> {
                    Path theirs = ownedByNobody(f.state.resolve("theirs"));
                    return () -> f.runAt(theirs, "list", f.dlq.name());
                }),
                refused("a full state directory", 9, "state directory", f -> {
                    Path full = f.closeLater(FullDisk.mount(f.state.resolve("full"))).path();
                    return () -> f.runAt(full, "start", f.dlq.name(), "--to", f.target.name(), "--mode", "client");
                }),
                // AWS refusing, or silent
                refused("expired credentials", 3, "expired", f -> {
                    SqsStub stub = f.closeLater(SqsStub.expiredToken());
                    return () -> f.run("list", f.dlq.name(), "--endpoint-url", stub.endpoint().toString());
                }),
                refused("no credentials for the profile", 3, "no AWS credentials",
                        f -> () -> f.run("list", f.dlq.name(), "--profile", "nobody")),
                refused("an endpoint that never answers", 3, "no answer", f -> {
                    SilentServer silent = f.closeLater(new SilentServer());
                    return () -> f.run("list", f.dlq.name(), "--endpoint-url", silent.endpoint().toString(),
                            "--cli-read-timeout", "2");
                }),
                // at the terminal's question
                prompted("stdin at its end at the question", "Nothing started",
                        f -> () -> f.runOnTerminal(BadInputFixture.emptyStdin(), "start", f.dlq.name())),
                prompted("stdin closed during the question", "Nothing started",
                        f -> () -> f.runOnTerminal(closedStdin(), "start", f.dlq.name())));
    }

    private static Supplier<RunResult> moveToTarget(BadInputFixture f) {
        return () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--mode", "client");
    }

    private static Path journal(BadInputFixture f) {
        return StateFiles.journals(f.state).fileOf(f.dlq.arn(), "client-old");
    }

    private static Path record(BadInputFixture f) {
        return StateFiles.tasks(f.state).directory().resolve("0123456789abcdef.json");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path worldWritable(Path dir) {
        try {
            return Files.setPosixFilePermissions(mkdirs(dir), PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests run as root, who may hand a folder to another user. */
    private static Path ownedByNobody(Path dir) {
        try {
            Path d = mkdirs(dir);
            Files.setOwner(d, d.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** stdin whose other end went away while the question waits: the read fails. */
    private static Reader closedStdin() {
        return new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                throw new IOException("Stream closed");
            }

            @Override
            public void close() {
            }
        };
    }
}
