package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.sqsredrive.render.Fitting.Field;
import org.junit.jupiter.api.Test;

class FittingTest {

    private final List<Field> fields = List.of(Field.of("120/300 moved").or(3, "120/300"),
            Field.of("ETA 6s").or(2, ""), Field.of("35.2 msg/s").or(5, "35.2/s").or(4, ""));

    @Test
    void theLeastImportantFieldGivesWayFirst() {
        assertThat(Fitting.fit(fields, 80, "…")).isEqualTo("120/300 moved  ETA 6s  35.2 msg/s");
        assertThat(Fitting.fit(fields, 30, "…")).isEqualTo("120/300 moved  ETA 6s  35.2/s");
        assertThat(Fitting.fit(fields, 22, "…")).isEqualTo("120/300 moved  ETA 6s");
        assertThat(Fitting.fit(fields, 16, "…")).isEqualTo("120/300  ETA 6s");
        assertThat(Fitting.fit(fields, 9, "…")).isEqualTo("120/300");
        assertThat(Fitting.fit(fields, 5, "…")).isEqualTo("120/…");
        assertThat(Fitting.fit(fields, 2, "…")).isEqualTo("12");
    }

    @Test
    void namesAreCutInTheMiddleKeepingTheirEnds() {
        assertThat(Fitting.middle("payments-eu-west-dlq", 11, "…")).isEqualTo("payme…t-dlq");
        assertThat(Fitting.middle("orders.fifo", 20, "…")).isEqualTo("orders.fifo");
        assertThat(Fitting.middle("orders", 3, "…")).isEqualTo("o…s");
    }
}
