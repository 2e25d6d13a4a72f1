package dev.sqsredrive.task;

import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.mover.file.MessageFileWriter;

/**
 * What was asked of a move beyond source, destination and rate; everything here but concurrency is
 * something only the client-side mover can do. Made with {@link #builder()}: a new option then needs no edit
 * where options are made without it.
 *
 * @param concurrency workers (client-side); null for the default, as many as pay ({@code --concurrency auto})
 * @param limit       stop after this many messages; null for all
 * @param filters     --filter expressions, all of which must match
 * @param archive     --archive: the file every moved message is also written to, as typed; null for none
 * @param existing    what to do with an export file or archive that exists (--append, --force)
 * @param again       --again: a file whose import already COMPLETED is imported again, every send of it a
 *                    possible duplicate (else such an import is refused: {@link RepeatedImport})
 * @param concurrencyGiven --concurrency was given, a number or {@code auto}: a resume then uses it, not the
 *                    number recorded ({@link #concurrencyOver})
 */
public record ClientOptions(Integer concurrency, Long limit, boolean copy, boolean dryRun, boolean showBodies,
                            List<String> filters, String archive, MessageFileWriter.Existing existing,
                            boolean again, boolean concurrencyGiven) {

    public ClientOptions {
        existing = existing == null ? MessageFileWriter.Existing.REFUSE : existing;
    }

    /** The most workers --concurrency takes, and the adaptive default goes up to. */
    public static final int MAX_CONCURRENCY = dev.sqsredrive.mover.MoverConfig.MAX_CONCURRENCY;

    /** The one line that refuses a --concurrency, as typed. */
    public static String concurrencyRefused(String typed) {
        return "--concurrency takes 1 to " + MAX_CONCURRENCY + " workers, or auto; not " + typed;
    }

    public static ClientOptions none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** These options, to change some of them. */
    public Builder toBuilder() {
        return builder().concurrency(concurrency).limit(limit).copy(copy).dryRun(dryRun).showBodies(showBodies)
                .filters(filters).archive(archive).existing(existing).again(again).concurrencyGiven(concurrencyGiven);
    }

    /** The workers of a resume: those given now (null for {@code auto}), else the task's {@code recorded} ones. */
    public Integer concurrencyOver(Integer recorded) {
        return concurrencyGiven ? concurrency : recorded;
    }

    /** No --concurrency N: the number of workers finds itself as the run goes. */
    public boolean adaptive() {
        return concurrency == null;
    }

    /**
     * Why the native API cannot serve these options, every reason in one phrase, or null when it can. A dry
     * run comes first: it is the reason nothing moves, whatever else was asked.
     */
    public String clientOnlyReason() {
        List<String> reasons = new ArrayList<>();
        if (dryRun) {
            reasons.add("--dry-run was given (a native move task cannot preview)");
        }
        if (!filters.isEmpty()) {
            reasons.add("--filter was given (a native move task moves every message)");
        }
        if (limit != null) {
            reasons.add("--limit was given (a native move task moves every message)");
        }
        if (copy) {
            reasons.add("--copy was given (a native move task deletes what it moves)");
        }
        if (archive != null) {
            reasons.add("--archive was given (a native move task keeps no copy)");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Starts from no options: adaptive concurrency, no limit, no filter, a move rather than a copy. */
    public static final class Builder {
        private Integer concurrency;
        private Long limit;
        private boolean copy;
        private boolean dryRun;
        private boolean showBodies;
        private List<String> filters = List.of();
        private String archive;
        private MessageFileWriter.Existing existing;
        private boolean again;
        private boolean concurrencyGiven;

        private Builder() {
        }

        /** Null for the default (adaptive). */
        public Builder concurrency(Integer workers) {
            this.concurrency = workers;
            return this;
        }

        /** True when --concurrency was given, even as {@code auto}; a number given is so in any case. */
        public Builder concurrencyGiven(boolean given) {
            this.concurrencyGiven = given;
            return this;
        }

        /** Null for all. */
        public Builder limit(Long messages) {
            this.limit = messages;
            return this;
        }

        public Builder copy(boolean copy) {
            this.copy = copy;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder showBodies(boolean showBodies) {
            this.showBodies = showBodies;
            return this;
        }

        /** Copied: a list the caller changes later does not change the options. */
        public Builder filters(List<String> expressions) {
            this.filters = List.copyOf(expressions);
            return this;
        }

        /** Null for no archive. */
        public Builder archive(String file) {
            this.archive = file;
            return this;
        }

        /** Null to refuse an existing file. */
        public Builder existing(MessageFileWriter.Existing whatToDo) {
            this.existing = whatToDo;
            return this;
        }

        public Builder again(boolean again) {
            this.again = again;
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(concurrency, limit, copy, dryRun, showBodies, filters, archive, existing, again,
                    concurrencyGiven || concurrency != null);
        }
    }
}
