import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recording's CPU samples (jdk.ExecutionSample) went, for bench/cpu's profiles: by whose code runs
 * on top (ours, the SDK, the JDK, other libraries), with the JDK's share given to the nearest caller that
 * is ours or the SDK's; by what a sample's stack is doing (signing, marshalling, MD5 checks, HTTP, our
 * journal, ...: one sample counts once, under the first of these its stack shows); and the top methods by
 * self samples. Also the recording's GC pause total, which the samples do not see.
 * Run: java bench/JfrBreakdown.java FILE.jfr [TOP]
 */
public final class JfrBreakdown {

    /** What a stack is doing, checked in this order: the first that any frame matches takes the sample. */
    private static final Map<String, Predicate<String>> ACTIVITIES = new LinkedHashMap<>();

    static {
        ACTIVITIES.put("SDK: MD5 checksum validation", f -> f.contains("MessageMD5Checksum") || f.contains("Md5Utils"));
        ACTIVITIES.put("SDK: signing (SigV4)", f -> f.contains(".signer.") || f.contains("Signer") || f.contains(".auth.aws."));
        ACTIVITIES.put("SDK: endpoint rules", f -> f.contains("endpoints.internal") || f.contains("EndpointResolver")
                || f.contains("EndpointProvider") || f.contains("Endpoint") && f.contains("Interceptor"));
        ACTIVITIES.put("SDK: metrics / user agent", f -> f.contains(".metrics.") || f.contains("UserAgent"));
        ACTIVITIES.put("SDK: marshalling requests", f -> f.contains("Marshaller") || f.contains("marshall.")
                && !f.contains("unmarshall"));
        ACTIVITIES.put("SDK: unmarshalling responses", f -> f.contains("Unmarshall") || f.contains("unmarshall")
                || f.contains(".protocols.json") || f.contains(".protocols.query") || f.contains(".protocols.xml"));
        ACTIVITIES.put("SDK: HTTP client (url-connection and below)", f -> f.contains("UrlConnectionHttpClient")
                || f.contains("sun.net.www") || f.contains("ApacheHttpClient") || f.contains("java.net.http")
                || f.contains("org.apache.http") || f.contains("sun.nio.ch.Net") || f.contains("java.net.Socket"));
        ACTIVITIES.put("ours: journal", f -> f.startsWith("dev.sqsredrive.mover.Journal"));
        ACTIVITIES.put("ours: progress / live view / rendering", f -> f.startsWith("dev.sqsredrive.render")
                || f.contains("MoveProgress") || f.contains("ProgressListener") || f.startsWith("org.jline"));
        ACTIVITIES.put("ours: JSON (Jackson)", f -> f.startsWith("com.fasterxml"));
        ACTIVITIES.put("ours: SDK <-> Msg conversion", f -> f.startsWith("dev.sqsredrive.mover.sqs.SqsMessages"));
        ACTIVITIES.put("SDK: other (pipeline, interceptors, retries, ...)", f -> f.startsWith("software.amazon"));
        ACTIVITIES.put("ours: other mover code", f -> f.startsWith("dev.sqsredrive"));
    }

    private JfrBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> owner = new HashMap<>();
        Map<String, Integer> attributed = new HashMap<>();
        Map<String, Integer> activity = new LinkedHashMap<>();
        ACTIVITIES.keySet().forEach(k -> activity.put(k, 0));
        Map<String, Integer> selfMethods = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> inclusiveOurs = new HashMap<>();
        Map<String, Integer> inclusiveSdk = new HashMap<>();
        long gcNanos = 0;
        int gcs = 0;
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcNanos += e.getDuration().toNanos();
                gcs++;
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            String topFrame = name(frames.get(0));
            owner.merge(owner(topFrame), 1, Integer::sum);
            selfMethods.merge(topFrame, 1, Integer::sum);
            String caller = "JDK only";
            for (RecordedFrame f : frames) {
                String o = owner(name(f));
                if (!o.equals("JDK")) {
                    caller = o;
                    break;
                }
            }
            attributed.merge(caller, 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    String o = owner(n);
                    if (o.equals("ours")) {
                        inclusiveOurs.merge(n, 1, Integer::sum);
                    } else if (o.equals("SDK")) {
                        inclusiveSdk.merge(n, 1, Integer::sum);
                    }
                }
            }
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
            String doing = "other (JDK only)";
            outer:
            for (var a : ACTIVITIES.entrySet()) {
                for (RecordedFrame f : frames) {
                    if (a.getValue().test(name(f))) {
                        doing = a.getKey();
                        break outer;
                    }
                }
            }
            activity.merge(doing, 1, Integer::sum);
        }
        System.out.printf("%d execution samples; %d collections, %.2f s of GC pauses%n%n", samples, gcs, gcNanos / 1e9);
        print("Self samples by owner of the top frame", owner, samples, top);
        print("Samples by the nearest caller that is not the JDK (the JDK's work given to who asked for it)",
                attributed, samples, top);
        print("Samples by what the stack is doing (first match in this order)", activity, samples, top);
        print("Samples by thread", threads, samples, 10);
        print("Top methods by self samples", selfMethods, samples, top);
        print("Our methods by inclusive samples (on the stack)", inclusiveOurs, samples, top);
        print("SDK methods by inclusive samples (on the stack)", inclusiveSdk, samples, top);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String owner(String frame) {
        if (frame.startsWith("dev.sqsredrive")) {
            return "ours";
        }
        if (frame.startsWith("software.amazon")) {
            return "SDK";
        }
        if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")
                || frame.startsWith("javax.") || frame.startsWith("com.sun.")) {
            return "JDK";
        }
        return "other libraries";
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println("| " + title + " | samples | share |");
        System.out.println("|---|---:|---:|");
        counts.entrySet().stream().filter(c -> c.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(c -> System.out.printf("| %s | %d | %.1f %% |%n", c.getKey(), c.getValue(),
                        100.0 * c.getValue() / total));
        System.out.println();
    }
}
