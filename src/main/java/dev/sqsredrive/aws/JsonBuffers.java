package dev.sqsredrive.aws;

import software.amazon.awssdk.protocols.json.internal.AwsStructuredPlainJsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.util.JsonRecyclerPools;

/**
 * The SDK's JSON buffers, shared by every thread instead of kept per thread. The SDK writes each request and
 * reads each answer with one Jackson factory whose buffers (about 24 KiB a thread: two 8,000-byte byte buffers
 * and the char buffers) are by default kept in a ThreadLocal of each thread that ever made a call. The
 * client-side mover calls from up to 3 virtual threads a worker, each alive for the whole run: at 128 workers
 * 350 sets of buffers stayed alive, ~8 MiB of a ~45 MiB live heap (docs/PERFORMANCE.md, "Memory at 16, 64
 * and 128 workers"). A shared pool keeps only as many as are in use at once, a handful on two cores.
 * <p>
 * The factory is the SDK's internal one (AWS JSON protocol). A later SDK that moves it fails the build here,
 * not at run time.
 */
public final class JsonBuffers {

    private JsonBuffers() {
    }

    /** Idempotent: the SDK's factory is one per JVM, and every call sets the same kind of pool. */
    public static synchronized void shareAcrossThreads() {
        JsonFactory factory = sdkFactory();
        if (!(factory._getRecyclerPool() instanceof JsonRecyclerPools.ConcurrentDequePool)) {
            factory.setRecyclerPool(JsonRecyclerPools.newConcurrentDequePool());
        }
    }

    static JsonFactory sdkFactory() {
        return AwsStructuredPlainJsonFactory.SDK_JSON_FACTORY.getJsonFactory();
    }
}
