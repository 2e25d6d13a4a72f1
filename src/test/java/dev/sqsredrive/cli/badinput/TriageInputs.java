package dev.sqsredrive.cli.badinput;

import static dev.sqsredrive.cli.badinput.BadInput.refused;

import java.util.List;

/** Bad input to `inspect` and to the filters that act on one of its groups: refused before anything is received. */
final class TriageInputs {

    private TriageInputs() {
    }

    static List<BadInput> all() {
        return List.of(
                refused("inspect --group-by an unknown key", 2, "unknown --group-by key 'colour'",
                        f -> () -> f.run("inspect", f.dlq.name(), "--group-by", "colour")),
                refused("inspect --group-by a JSON path with an empty name", 2, "bad JSON path 'detail..id'",
                        f -> () -> f.run("inspect", f.dlq.name(), "--group-by", "json:detail..id")),
                refused("inspect --groups 0", 2, "--groups takes 1 to",
                        f -> () -> f.run("inspect", f.dlq.name(), "--groups", "0")),
                refused("inspect --max 0", 2, "--max takes a positive number",
                        f -> () -> f.run("inspect", f.dlq.name(), "--max", "0")),
                refused("inspect of a DLQ with a RedrivePolicy of its own", 2, "has a RedrivePolicy of its own",
                        f -> () -> f.run("inspect", f.source.name())),
                refused("a json: filter with a bad path", 2, "bad JSON path",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--filter", "json:.id=7")),
                refused("a sent filter without a UTC time", 2, "UTC time",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--filter", "sent<yesterday")),
                refused("--ids-from a file that does not exist", 2, "no such file",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--ids-from",
                                f.state.resolve("no-such-ids.txt").toString())),
                refused("--ids-from a directory", 2, "cannot be read",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--ids-from",
                                f.state.toString())),
                refused("--ids-from an empty file", 2, "holds no MessageId",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name(), "--ids-from",
                                f.write(f.state.resolve("ids/empty.txt"), new byte[0]).toString())));
    }
}
