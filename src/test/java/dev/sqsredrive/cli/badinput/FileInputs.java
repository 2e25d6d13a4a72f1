package dev.sqsredrive.cli.badinput;

import static dev.sqsredrive.cli.badinput.BadInput.refused;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bad file references and file options (export, import, archive): refused before anything moves. */
final class FileInputs {

    private FileInputs() {
    }

    static List<BadInput> all() {
        return List.of(
                refused("file: without a path", 2, "names no file", f -> () -> f.run("start", f.dlq.name(), "--to", "file:")),
                refused("file:- as SOURCE", 2, "standard output", f -> () -> f.run("start", "file:-", "--to", f.target.name())),
                refused("a file on both sides", 2, "both SOURCE and --to are files",
                        f -> () -> f.run("start", "file:" + f.state.resolve("a.ndjson"), "--to", "file:b.ndjson")),
                refused("a file with --mode native", 2, "--mode native cannot do this",
                        f -> () -> f.run("start", f.dlq.name(), "--to", "file:x.ndjson", "--mode", "native")),
                refused("an import file that does not exist", 2, "no such file",
                        f -> () -> f.run("start", "file:" + f.state.resolve("gone.ndjson"), "--to", f.target.name(), "--yes")),
                refused("an import file that is a folder", 2, "not a regular file",
                        f -> () -> f.run("start", "file:" + f.state, "--to", f.target.name(), "--yes")),
                refused("an export into a missing folder", 2, "does not exist",
                        f -> () -> f.run("start", f.dlq.name(), "--to", "file:" + f.state.resolve("no/such/x.ndjson"), "--yes")),
                refused("an export onto a folder", 2, "is a folder",
                        f -> () -> f.run("start", f.dlq.name(), "--to", "file:" + f.state, "--yes")),
                refused("an export file that exists", 2, "exists; add --append",
                        f -> {
                            var file = f.write(f.state.resolve("old.ndjson"), "old\n".getBytes(StandardCharsets.UTF_8));
                            return () -> f.run("start", f.dlq.name(), "--to", "file:" + file, "--yes");
                        }),
                refused("--append with --force", 2, "contradict",
                        f -> () -> f.run("start", f.dlq.name(), "--to", "file:x.ndjson", "--append", "--force")),
                refused("--archive to stdout", 2, "--archive needs a file",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--archive", "-")),
                refused("--archive that exists", 2, "exists; add --append",
                        f -> {
                            var file = f.write(f.state.resolve("moved.ndjson"), "old\n".getBytes(StandardCharsets.UTF_8));
                            return () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--archive", file.toString());
                        }),
                refused("--force onto a device node", 2, "not a regular file",
                        f -> {
                            var node = f.mknod("full", "c", "1", "7");
                            return () -> f.run("start", f.dlq.name(), "--to", "file:" + node, "--force");
                        }),
                refused("--archive onto a named pipe", 2, "not a regular file",
                        f -> {
                            var pipe = f.mknod("pipe", "p");
                            return () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--archive",
                                    pipe.toString(), "--append");
                        }),
                refused("--force onto a symbolic link", 2, "symbolic link",
                        f -> {
                            var real = f.write(f.state.resolve("real.ndjson"), "old\n".getBytes(StandardCharsets.UTF_8));
                            var link = f.symlink(f.state.resolve("link.ndjson"), real);
                            return () -> f.run("start", f.dlq.name(), "--to", "file:" + link, "--force");
                        }),
                refused("--archive the export file itself", 2, "the export file itself",
                        f -> () -> f.run("start", f.dlq.name(), "--to", "file:" + f.state.resolve("x.ndjson"), "--archive",
                                f.state.resolve("x.ndjson").toString())));
    }
}
