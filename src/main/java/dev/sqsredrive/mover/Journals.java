package dev.sqsredrive.mover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.sqsredrive.aws.QueueArns;
import dev.sqsredrive.aws.RedriveException;

/**
 * The journals in the state directory: {@code journals/<source key>/<task handle>.log}, grouped by DLQ so
 * that a new run on the same DLQ finds what earlier, unfinished runs sent but did not delete.
 */
public final class Journals {

    /** Bad lines named one by one, up to this many per file; the rest are counted. */
    private static final int PROBLEMS_NAMED = 3;
    private static final DateTimeFormatter SET_ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private final Consumer<String> warnings;
    private final Clock clock;

    /**
     * @param warnings where a journal that cannot be wholly read is reported, one line per problem
     * @param clock    the run's wall clock: it dates a journal set aside
     */
    public Journals(Path stateDir, Consumer<String> warnings, Clock clock) {
        this.root = stateDir.resolve("journals");
        this.warnings = warnings;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    public Path fileOf(String sourceArn, String handle) {
        return dirOf(sourceArn).resolve(handle + ".log");
    }

    /** The header line (the task's options) of a task's journal, if there is one; its bad lines are reported. */
    public Optional<String> header(String sourceArn, String handle) {
        Path file = fileOf(sourceArn, handle);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JournalLines.Parsed parsed;
        try {
            parsed = read(file);
        } catch (IOException e) {
            throw unusable("cannot read journal " + file, e);
        }
        if (parsed.nothingReadable() && !parsed.problems().isEmpty()) {
            Path aside = moveAside(file, "is not a journal");
            throw RedriveException.usage("the journal " + file + " is not a journal (nothing in it can be read):"
                    + " set aside as " + aside.getFileName() + "; it cannot be resumed: start the move again");
        }
        report(file, parsed);
        if (parsed.header() == null) {
            // Its entries still count for the next run on this DLQ; only the options to resume with are gone.
            throw RedriveException.usage("the journal " + file + " has no readable first line (the task's"
                    + " options): it cannot be resumed; start the move again, which still deletes what it sent");
        }
        return Optional.of(parsed.header());
    }

    /** The journals of a DLQ whose task handle passes the test. */
    public List<Path> files(String sourceArn, Predicate<String> handleTest) {
        Path dir = dirOf(sourceArn);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> named;
        try (Stream<Path> files = Files.list(dir)) {
            named = files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .filter(p -> handleTest.test(handleOf(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw unusable("cannot list " + dir, e);
        }
        return named.stream().filter(p -> check(p) != null).toList();
    }

    /**
     * Reads a journal, reports each line that cannot be read (path and line number) and sets aside a file
     * of which nothing can be read, so one bad file never stops a later run on its DLQ.
     *
     * @return what could be read, or null when the file is no journal to count (a folder, set aside)
     */
    private JournalLines.Parsed check(Path file) {
        if (!Files.isRegularFile(file)) {
            warnings.accept("skipping " + file + ": not a regular file, so no journal");
            return null;
        }
        JournalLines.Parsed parsed;
        try {
            parsed = read(file);
        } catch (IOException e) {
            return setAside(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (parsed.nothingReadable() && !parsed.problems().isEmpty()) {
            return setAside(file, "has no line that can be read");
        }
        report(file, parsed);
        return parsed;
    }

    /**
     * The file's lines; a first line that is no task's options (a JSON object) is a problem, not a header: a
     * file of text that is no journal then has nothing readable, and is set aside rather than counted (and
     * later deleted with the journals a COMPLETED run removes).
     */
    private static JournalLines.Parsed read(Path file) throws IOException {
        JournalLines.Parsed parsed = JournalLines.parse(Files.readAllBytes(file));
        if (parsed.header() == null || parsed.header().stripLeading().startsWith("{")) {
            return parsed;
        }
        List<JournalLines.Problem> problems = new ArrayList<>(parsed.problems());
        problems.add(0, new JournalLines.Problem(1, "not a task's options"));
        return new JournalLines.Parsed(null, parsed.entries(), problems);
    }

    private void report(Path file, JournalLines.Parsed parsed) {
        List<JournalLines.Problem> problems = parsed.problems();
        for (JournalLines.Problem p : problems.subList(0, Math.min(PROBLEMS_NAMED, problems.size()))) {
            warnings.accept("journal " + file + " line " + p.line() + ": " + p.why() + "; skipped, the rest of"
                    + " the journal still counts");
        }
        if (problems.size() > PROBLEMS_NAMED) {
            warnings.accept("journal " + file + ": " + (problems.size() - PROBLEMS_NAMED) + " more line(s) skipped");
        }
    }

    private JournalLines.Parsed setAside(Path file, String why) {
        Path aside = moveAside(file, why);
        warnings.accept("journal " + file + " " + why + ": set aside as " + aside.getFileName());
        return null;
    }

    /** Renamed, never deleted: what it held may still be read by hand. */
    private Path moveAside(Path file, String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + SET_ASIDE.format(clock.instant()));
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw unusable("journal " + file + " " + why + " and cannot be set aside", e);
        }
        return aside;
    }

    private RedriveException unusable(String what, IOException e) {
        return RedriveException.state("state directory " + root.getParent() + ": " + what + " (" + e.getMessage()
                + "; set REDRIVE_STATE_DIR to a writable directory)", e);
    }

    /** MessageIds sent but not known to be deleted, across the given journals ({@link ResumeState#pending}). */
    public static Set<String> pending(List<Path> journals) {
        return new HashSet<>(ResumeState.read(journals).pending());
    }

    /** Attempted with no outcome recorded, neither confirmed nor deleted since ({@link ResumeState#maybeSent}). */
    public static Set<String> maybeSent(List<Path> journals) {
        return new HashSet<>(ResumeState.read(journals).maybeSent());
    }

    /**
     * How many messages a journal's task may have delivered: each with an S or D line, and each with an A line
     * alone (the process may have died after the send and before its record). What a resumed task's --limit
     * has left is counted from this, erring on the side of never exceeding the limit.
     */
    public static long mayHaveDelivered(Path journal) {
        JournalEntries e = JournalEntries.read(List.of(journal));
        e.attempted().addAll(e.sent());
        e.attempted().addAll(e.deleted());
        return e.attempted().size();
    }

    /** What the journals' runs moved, for the one-pass rule ({@link ResumeState#moved}). */
    public static Set<String> moved(List<Path> journals) {
        return new HashSet<>(ResumeState.read(journals).moved());
    }

    /** MessageIds deleted (D lines) across the given journals: of an import, the file's lines already done. */
    public static Set<String> deleted(List<Path> journals) {
        return new HashSet<>(ResumeState.read(journals).deleted());
    }

    /** Delivered more than once with no summary that said so ({@link ResumeState#duplicatedUnreported}). */
    public static Set<String> duplicatedUnreported(List<Path> journals) {
        return new HashSet<>(ResumeState.read(journals).duplicatedUnreported());
    }

    public static void deleteAll(List<Path> journals) {
        for (Path p : journals) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete journal " + p + ": " + e.getMessage(), e);
            }
        }
    }

    static String handleOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".log".length());
    }

    private Path dirOf(String sourceArn) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sourceArn.getBytes(StandardCharsets.UTF_8));
            String name = QueueArns.name(sourceArn).replaceAll("[^A-Za-z0-9_.-]", "_");
            return root.resolve(name + "-" + HexFormat.of().formatHex(d, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects every journal's path under the root, for tests and housekeeping. */
    public List<Path> allFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".log") && Files.isRegularFile(p)).forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journals in " + root + ": " + e.getMessage(), e);
        }
        return all;
    }
}
