package dev.sqsredrive.testing.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sqsredrive.testing.QueueScope;
import dev.sqsredrive.testing.TestQueues;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The queues of one run on a real account: named {@code redrive-e2e-<runid>-<n>-<name>}, tagged
 * {@code redrive-e2e=<runid>}, and deleted by {@link #deleteAll} however the tests ended. It deletes what it
 * remembers creating and also what ListQueues finds under the run's prefix with the run's tag (a queue whose
 * CreateQueue answer was lost, a process that crashed before remembering): never a queue without the tag.
 */
public final class RunQueues implements QueueScope {

    private final RunId run;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public RunQueues(RunId run) {
        this.run = run;
    }

    public RunId run() {
        return run;
    }

    @Override
    public String nextPrefix() {
        return run.queuePrefix() + counter.incrementAndGet();
    }

    @Override
    public Map<String, String> tags() {
        return run.tags();
    }

    @Override
    public void created(TestQueues.Queue queue) {
        created.add(queue.url());
    }

    /** The URLs of every queue of this run: remembered, or listed under its prefix and carrying its tag. */
    public Set<String> find(SqsClient sqs) {
        Set<String> urls = new LinkedHashSet<>(created);
        for (String url : sqs.listQueuesPaginator(r -> r.queueNamePrefix(run.queuePrefix()).maxResults(1000))
                .queueUrls()) {
            if (run.value().equals(tagOf(sqs, url))) {
                urls.add(url);
            }
        }
        return urls;
    }

    /**
     * Deletes every queue of this run; one already gone counts as deleted. Tries them all before failing
     * with the ones it could not delete, so that one refusal leaves no others behind.
     *
     * @return how many queues were deleted
     */
    public int deleteAll(SqsClient sqs) {
        List<String> failed = new ArrayList<>();
        int deleted = 0;
        for (String url : find(sqs)) {
            try {
                sqs.deleteQueue(r -> r.queueUrl(url));
                deleted++;
            } catch (QueueDoesNotExistException gone) {
                deleted++;
            } catch (RuntimeException e) {
                failed.add(url + " (" + e.getMessage() + ")");
            }
            created.remove(url);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("could not delete " + failed.size() + " queue(s) of run " + run.value()
                    + ": " + failed);
        }
        return deleted;
    }

    /** The run tag of a queue, or null: a queue deleted meanwhile has none. */
    static String tagOf(SqsClient sqs, String url) {
        try {
            return sqs.listQueueTags(r -> r.queueUrl(url)).tags().get(RunId.TAG);
        } catch (QueueDoesNotExistException gone) {
            return null;
        }
    }
}
