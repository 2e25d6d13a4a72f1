package dev.sqsredrive.testing.proxy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy for tests that stands between an SQS client and a loopback SQS server (ElasticMQ) and
 * breaks calls on a schedule ({@link FaultRule}s): 5xx, RequestThrottled, connection resets, latency,
 * partial batch failures. Loopback only (it refuses a non-loopback upstream and listens on 127.0.0.1),
 * bounded in connections and request size. It also logs successful sends ({@link #sends()}) so a test or a
 * benchmark can check a sender's rate on the wire.
 */
public final class FaultProxy implements AutoCloseable {

    /**
     * Above the most a client-side mover opens: three calls in flight per worker (a receive ahead, a send, a
     * delete) at 128 workers (--concurrency's bound, which the adaptive default may reach), plus visibility
     * changes. Over the bound a connection is closed at once, which the client sees as "Unexpected end of file
     * from server" or "The target server failed to respond": at 256 that ended the benchmark's 128-worker runs.
     */
    private static final int MAX_CONNECTIONS = 512;

    private final Upstream upstream;
    private final ServerSocket server;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final SendLog sends = new SendLog();
    private final Semaphore connectionSlots = new Semaphore(MAX_CONNECTIONS);
    private final Map<Socket, Boolean> open = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread acceptor;
    /** Stalled calls wait on this until their rule is removed or the proxy closes. */
    private final Object stallsLifted = new Object();

    private FaultProxy(URI upstreamUri, List<FaultRule> initialRules) throws IOException {
        if (!InetAddress.getByName(upstreamUri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("FaultProxy forwards to loopback only, not " + upstreamUri);
        }
        this.upstream = new Upstream(upstreamUri);
        this.rules.addAll(initialRules);
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.acceptor = Thread.ofPlatform().daemon().name("fault-proxy-accept").start(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port in front of upstream, with these rules. */
    public static FaultProxy start(URI upstream, FaultRule... rules) {
        try {
            return new FaultProxy(upstream, List.of(rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients should send their calls (e.g. --endpoint-url). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public FaultProxy add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    /** Takes a rule out; calls it stalls are let go (their connections reset). */
    public FaultProxy remove(FaultRule rule) {
        rules.remove(rule);
        synchronized (stallsLifted) {
            stallsLifted.notifyAll();
        }
        return this;
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** Faults injected so far, over every rule. */
    public int injected() {
        return rules.stream().mapToInt(FaultRule::injected).sum();
    }

    /** Calls of this operation that reached the proxy (faulted or not). */
    public int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public SendLog sends() {
        return sends;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (!connectionSlots.tryAcquire()) {
                    socket.close(); // over the bound: refuse rather than queue without limit
                    continue;
                }
                open.put(socket, true);
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        open.remove(socket);
                        connectionSlots.release();
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (Http1.Request request = Http1.read(in, out); request != null; request = Http1.read(in, out)) {
                if (!handle(socket, request, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage: this connection ends, the proxy goes on
        }
    }

    /** Answers one request; false when the connection was reset on purpose. */
    private boolean handle(Socket socket, Http1.Request request, OutputStream out) throws IOException {
        long arrival = System.nanoTime();
        String operation = SqsWire.operation(request);
        boolean json = SqsWire.isJson(request);
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = null;
        FaultRule stallingRule = null;
        for (FaultRule rule : rules) {
            if (rule.fires(operation)) {
                if (rule.fault() instanceof Fault.Latency latency) {
                    sleep(latency);
                    if (server.isClosed()) {
                        reset(socket); // closed while the call waited: it never reaches the server
                        return false;
                    }
                } else if (fault == null) {
                    fault = rule.fault();
                    stallingRule = rule;
                }
            }
        }
        Http1.Response response;
        switch (fault) {
            case Fault.ServerError e -> response = SqsWire.serverError(json, e.status());
            case Fault.Throttle t -> response = SqsWire.throttled(json && !t.xml(), t.code());
            case Fault.ResetBeforeForward r -> {
                reset(socket);
                return false;
            }
            case Fault.ResetAfterForward r -> {
                recordSends(operation, arrival, upstream.forward(request));
                reset(socket);
                return false;
            }
            case Fault.FailEntries f -> response = BatchFailures.fail(request, f, upstream::forward);
            case Fault.Stall s -> {
                stall(stallingRule);
                reset(socket);
                return false;
            }
            case Fault.StoredButFailed f -> response = BatchFailures.storedButFailed(upstream.forward(request), f);
            case Fault.EditAnswer e -> response = BatchFailures.edited(upstream.forward(request), e);
            case Fault.EditRequest e -> response = upstream.forward(BatchFailures.edited(request, e));
            case Fault.Latency l -> throw new IllegalStateException("latency is applied above");
            case null -> response = upstream.forward(request);
        }
        recordSends(operation, arrival, response);
        Http1.write(out, response);
        return true;
    }

    private void recordSends(String operation, long arrival, Http1.Response response) {
        if (response.status() != 200) {
            return;
        }
        if (operation.equals("SendMessage")) {
            sends.record(arrival, 1);
        } else if (operation.equals("SendMessageBatch")) {
            sends.record(arrival, BatchFailures.successful(response.body()));
        }
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0); // close with RST, not FIN: the client sees "connection reset"
        socket.close();
    }

    private void stall(FaultRule rule) {
        synchronized (stallsLifted) {
            while (rules.contains(rule) && !server.isClosed()) {
                try {
                    stallsLifted.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void sleep(Fault.Latency latency) {
        try {
            Thread.sleep(latency.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        synchronized (stallsLifted) {
            stallsLifted.notifyAll();
        }
        for (Socket s : new ArrayList<>(open.keySet())) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
