package dev.sqsredrive.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.cli.Context;
import dev.sqsredrive.cli.Main;
import dev.sqsredrive.cli.gen.Generate;
import dev.sqsredrive.render.Terminals;
import dev.sqsredrive.time.Sleeper;
import dev.sqsredrive.time.Ticker;

/**
 * README's first quickstart command ({@code ./mvnw -q -Pdemo verify}): a whole redrive with no AWS account.
 * Starts ElasticMQ, dead-letters a few hundred orders through real receives, then runs
 * {@code redrive start orders-dlq --watch} and {@code redrive list orders-dlq} through the real command line,
 * on this terminal if there is one (live view) and as plain lines if not (CI). Exits with redrive's exit
 * code, or 1 if messages are missing.
 */
public final class Demo {

    private static final int MESSAGES = 300;

    private Demo() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(System.out, System.err, Terminals.interactive(),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()))));
    }

    /** The whole demo; returns the exit code. terminal: whether a person watches (live view, prompts). */
    static int run(PrintStream out, PrintStream err, boolean terminal, BufferedReader in) throws IOException {
        out.println("== Starting a local SQS-compatible server (ElasticMQ) and dead-lettering " + MESSAGES + " orders...");
        DemoServer server = DemoServer.start(MESSAGES);
        out.println("   endpoint " + server.queues().endpoint() + ": orders -> orders-dlq (maxReceiveCount 1), "
                + server.queues().depth(server.dlq()) + " messages in orders-dlq, "
                + server.queues().depth(server.orders()) + " in orders");
        Context context = new Context(server.env(Files.createTempDirectory("redrive-demo")), Clock.systemUTC(),
                Ticker.system(), Sleeper.real(), terminal, in);

        int code = redrive(context, out, err, startCommand().toArray(String[]::new));
        redrive(context, out, err, "list", "orders-dlq");
        redrive(context, out, err, "history", "orders-dlq"); // what the audit log kept of it

        long inOrders = server.queues().depth(server.orders());
        long inDlq = server.queues().depth(server.dlq());
        out.println();
        out.println("== Result: orders holds " + inOrders + ", orders-dlq holds " + inDlq + " (redrive exited " + code + ")");
        if (code == 0 && inOrders + inDlq != MESSAGES) {
            out.println("   " + (MESSAGES - inOrders - inDlq) + " messages are missing");
            return 1;
        }
        return code;
    }

    private static int redrive(Context context, PrintStream out, PrintStream err, String... args) {
        out.println();
        out.println("$ redrive " + String.join(" ", args));
        return Main.run(context, out, err, args);
    }

    /** start --watch; with --yes where start asks for confirmation on a terminal, as nobody may be there to answer. */
    private static List<String> startCommand() {
        List<String> args = new ArrayList<>(List.of("start", "orders-dlq", "--watch", "--interval", "500ms"));
        if (Generate.model().getSubcommands().get("start").getCommandSpec().findOption("--yes") != null) {
            args.add("--yes");
        }
        return args;
    }
}
