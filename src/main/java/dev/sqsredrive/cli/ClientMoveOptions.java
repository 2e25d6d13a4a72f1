package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.AdaptiveLimit;
import dev.sqsredrive.mover.file.FileRef;
import dev.sqsredrive.mover.file.MessageFileWriter;
import dev.sqsredrive.task.ClientOptions;
import picocli.CommandLine.Option;

/**
 * The options of `start` that shape how the client-side mover works, as a value: {@link #options()}. They are
 * checked in {@code CheckedStart.of}, not here, so the same rules hold for a test that builds the
 * options directly. A new client-side option is a field here and a setter on {@link ClientOptions.Builder}.
 */
final class ClientMoveOptions {

    @Option(names = "--concurrency", paramLabel = "N|auto",
            description = "Client-side workers: N, 1 to " + ClientOptions.MAX_CONCURRENCY + ", fixed; or auto (the"
                    + " default): from " + AdaptiveLimit.START + " (" + AdaptiveLimit.START_UNDER_RATE
                    + " with --rate), more while the throughput rises and calls stay fast, fewer on throttling or"
                    + " rising latency, " + AdaptiveLimit.MIN + " to "
                    + ClientOptions.MAX_CONCURRENCY + ".")
    String concurrency;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N messages moved (client-side).")
    Long limit;

    @Option(names = "--copy", description = "Send without deleting from the DLQ (client-side).")
    boolean copy;

    @Option(names = "--dry-run", description = "Count what would move, per destination, with a few samples"
            + " (ids, sizes, attributes); move nothing (client-side).")
    boolean dryRun;

    @Option(names = "--show-bodies", description = "With --dry-run: show the sampled messages' bodies too.")
    boolean showBodies;

    @Option(names = "--filter", paramLabel = "EXPR",
            // MessageFilter.SYNTAX laid out in lines that fit the help's column: wrapped, picocli would break
            // inside a token (after "attr:").
            description = {"Move only matching messages (client-side); repeat it to require several. The others"
                    + " stay in the DLQ. EXPR is one of:",
                    "  attr:NAME  attr:NAME=VALUE  attr:NAME~REGEX",
                    "  body:TEXT  body~REGEX",
                    "  age>DURATION  age<DURATION  (30s, 15m, 2h, 7d)",
                    "  sent>=TIME  sent<TIME  (2026-12-06T10:00:00Z)",
                    "  size>=BYTES  size<BYTES",
                    "  json:PATH  json:PATH=VALUE  json:PATH~REGEX",
                    "  origin  origin:ARN  id:MESSAGE_ID (several: any of them)",
                    "  !EXPR  (not EXPR)",
                    "'redrive inspect' prints the filters that select each group."})
    List<String> filters = new ArrayList<>();

    @Option(names = "--ids-from", paramLabel = "FILE",
            description = "Move only the messages whose MessageId is in FILE, one a line; - reads stdin"
                    + " (client-side). Combines with --filter like id:MESSAGE_ID filters.")
    String idsFrom;

    @Option(names = "--archive", paramLabel = "PATH",
            description = "Also write every message moved to this file, one JSON line each, forced to disk before"
                    + " its delete from the DLQ: an audit trail, and what an import can send again (client-side).")
    String archive;

    @Option(names = "--append", description = "Add to an export file or archive that exists (else it is refused).")
    boolean append;

    @Option(names = "--force", description = "Replace an export file or archive that exists.")
    boolean force;

    @Option(names = "--again", description = "Import a file whose import already COMPLETED once more: every"
            + " message is sent again, each counted as a possible duplicate (without it, refused).")
    boolean again;

    @Option(names = "--resume", paramLabel = "HANDLE",
            description = "Carry on a client-side task that did not finish (crashed, killed, cancelled): deletes"
                    + " what it sent instead of sending it again, then moves the rest with its recorded options"
                    + " (SOURCE, --to, --filter, --copy, --rate and --limit may only repeat them; not with --dry-run).")
    String resume;

    /** @param stdin what --ids-from - reads */
    ClientOptions options(BufferedReader stdin) {
        if (append && force) {
            throw RedriveException.usage("--append and --force contradict each other: add to the file, or replace it");
        }
        List<String> all = new ArrayList<>(filters);
        if (idsFrom != null) {
            all.addAll(IdsFile.filters(idsFrom, stdin));
        }
        return ClientOptions.builder().concurrency(ConcurrencyOption.parse(concurrency))
                .concurrencyGiven(concurrency != null).limit(limit).copy(copy).dryRun(dryRun)
                .showBodies(showBodies).filters(all).again(again).archive(archive == null ? null : archivePath(archive))
                .existing(force ? MessageFileWriter.Existing.OVERWRITE : append ? MessageFileWriter.Existing.APPEND
                        : MessageFileWriter.Existing.REFUSE)
                .build();
    }

    /** An archive as typed (PATH or file:PATH), made absolute: a resume from another folder finds it. */
    private static String archivePath(String typed) {
        String path = typed.startsWith(FileRef.PREFIX) ? typed.substring(FileRef.PREFIX.length()) : typed;
        if (path.isBlank() || path.equals("-")) {
            return path; // refused by CheckedStart.of, in its words
        }
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw RedriveException.usage("--archive " + typed + " is no file path (" + e.getReason() + ")");
        }
    }

    /** The client-side task to carry on, or null for a new move. */
    String resume() {
        return resume;
    }
}
