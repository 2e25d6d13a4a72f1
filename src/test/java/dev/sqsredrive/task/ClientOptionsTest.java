package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void noOptionsMeanTheDefaultsAndNothingClientOnly() {
        ClientOptions o = ClientOptions.none();
        assertThat(o.adaptive()).as("no --concurrency: the workers find their number").isTrue();
        assertThat(o.limit()).isNull();
        assertThat(o.filters()).isEmpty();
        assertThat(o.clientOnlyReason()).isNull();
    }

    @Test
    void theBuilderKeepsACopyOfTheFiltersSoLaterChangesToTheListDoNotLeakIn() {
        List<String> typed = new ArrayList<>(List.of("body:m"));
        ClientOptions o = ClientOptions.builder().filters(typed).build();
        typed.add("attr:tenant");
        assertThat(o.filters()).containsExactly("body:m");
    }

    @Test
    void toBuilderChangesOnlyWhatIsSetAgain() {
        ClientOptions saved = ClientOptions.builder().concurrency(4).limit(6L).copy(true).dryRun(true)
                .showBodies(true).filters(List.of("body:m")).build();
        assertThat(saved.toBuilder().build()).isEqualTo(saved);
        ClientOptions resumed = saved.toBuilder().dryRun(false).showBodies(false).build();
        assertThat(resumed.dryRun()).isFalse();
        assertThat(resumed.showBodies()).isFalse();
        assertThat(resumed.toBuilder().dryRun(true).showBodies(true).build()).isEqualTo(saved);
    }
}
