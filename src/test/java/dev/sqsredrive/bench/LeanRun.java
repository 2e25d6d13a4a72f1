package dev.sqsredrive.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the lean phase (issue 20): a tool at a setting, under an added per-call delay, moving a number of
 * messages. Each round runs every row once, in the order of {@link #plan}; the report shows each row's median.
 *
 * @param concurrency {@code --concurrency}, or null for the tool's default
 */
record LeanRun(String tool, Integer concurrency, int delayMillis, int messages) {

    static final String REDRIVE = "redrive";
    static final String LUMIGO = "lumigo-cli replay-sqs-dlq";

    /** The knobs of the plan; every list may be empty to leave its rows out. */
    record Knobs(int messages, int smallMessages, int largeMessages, List<Integer> delays,
                 List<Integer> redriveSettings, List<Integer> lumigoSettings, boolean lumigo) {
    }

    /**
     * The rows each target needs, nothing more: unthrottled, redrive's and lumigo-cli's defaults at the run's
     * size and the large size (CPU per message), and redrive's default at the small size (RSS flat from small
     * to large); under the first delay (20 ms), redrive's default and fixed settings and lumigo-cli's settings
     * and default (the ≥ 1.2× target); under each further delay (60 ms), redrive's default and fixed settings
     * (the adaptive default against its own best fixed setting). Within each delay the tools take turns.
     */
    static List<LeanRun> plan(Knobs k) {
        List<LeanRun> runs = new ArrayList<>();
        if (k.smallMessages() > 0) {
            runs.add(new LeanRun(REDRIVE, null, 0, k.smallMessages()));
        }
        for (int size : new int[] {k.messages(), k.largeMessages()}) {
            if (size > 0) {
                runs.add(new LeanRun(REDRIVE, null, 0, size));
                if (k.lumigo()) {
                    runs.add(new LeanRun(LUMIGO, null, 0, size));
                }
            }
        }
        for (int i = 0; i < k.delays().size(); i++) {
            int delay = k.delays().get(i);
            runs.add(new LeanRun(REDRIVE, null, delay, k.messages()));
            for (int c : k.redriveSettings()) {
                runs.add(new LeanRun(REDRIVE, c, delay, k.messages()));
            }
            if (i == 0 && k.lumigo()) {
                for (int c : k.lumigoSettings()) {
                    runs.add(new LeanRun(LUMIGO, c, delay, k.messages()));
                }
                runs.add(new LeanRun(LUMIGO, null, delay, k.messages()));
            }
        }
        return runs;
    }

    boolean isDefault() {
        return concurrency == null;
    }

    String setting() {
        return concurrency == null ? "default" : String.valueOf(concurrency);
    }
}
