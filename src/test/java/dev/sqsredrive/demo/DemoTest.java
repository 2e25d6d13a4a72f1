package dev.sqsredrive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The quickstart demo works without a terminal (as in CI): every dead-lettered order ends up back in orders. */
class DemoTest {

    @Test
    void redrivesEveryOrderWithoutATerminal() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Demo.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, new BufferedReader(new StringReader("")));

        String shown = out.toString(StandardCharsets.UTF_8) + "\n--- stderr ---\n" + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(shown).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("300 messages in orders-dlq, 0 in orders")
                .contains("$ redrive start orders-dlq --watch")
                .contains("COMPLETED")
                .containsPattern("\\$ redrive history orders-dlq\\RTIME +COMMAND[^\\n]*\\R[^\\n]* start +orders-dlq +- +COMPLETED +0 ")
                .contains("== Result: orders holds 300, orders-dlq holds 0 (redrive exited 0)");
    }
}
