package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import dev.sqsredrive.mover.sqs.SqsMessages;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class RoutingTest {

    private static final Destination ORDERS = new Destination("u1", "arn:aws:sqs:us-east-1:1:orders", false, 1024);
    private static final Destination PAYMENTS = new Destination("u2", "arn:aws:sqs:us-east-1:1:payments", false, 1024);
    private static final Destination TO = new Destination("u3", "arn:aws:sqs:us-east-1:1:to", false, 1024);

    private static Msg from(String arn) {
        var b = Message.builder().messageId("m").body("b");
        return SqsMessages.from(arn == null ? b.build() : b.attributes(Map.of(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN,
                arn)).build());
    }

    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<Destination> lookup(String arn) {
        lookups.incrementAndGet();
        return arn.equals(ORDERS.arn()) ? Optional.of(ORDERS) : arn.equals(PAYMENTS.arn()) ? Optional.of(PAYMENTS)
                : Optional.empty();
    }

    @Test
    void toWinsOverTheOrigin() {
        Routing r = new Routing(TO, ORDERS, 1, this::lookup);
        assertThat(r.route(from(PAYMENTS.arn())).destination()).isEqualTo(TO);
    }

    @Test
    void eachMessageGoesBackToItsOwnOriginLookedUpOnce() {
        Routing r = new Routing(null, null, 2, this::lookup);
        assertThat(r.route(from(ORDERS.arn())).destination()).isEqualTo(ORDERS);
        assertThat(r.route(from(PAYMENTS.arn())).destination()).isEqualTo(PAYMENTS);
        assertThat(r.route(from(ORDERS.arn())).destination()).isEqualTo(ORDERS);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void withoutAnOriginTheSingleSourceElseItStays() {
        assertThat(new Routing(null, ORDERS, 1, this::lookup).route(from(null)).destination()).isEqualTo(ORDERS);
        Routing.Route none = new Routing(null, null, 2, this::lookup).route(from(null));
        assertThat(none.destination()).isNull();
        assertThat(none.problem()).contains("2 source queues").contains("--to");
    }

    @Test
    void anOriginThatNoLongerExistsLeavesTheMessageInPlace() {
        Routing.Route r = new Routing(null, ORDERS, 1, this::lookup).route(from("arn:aws:sqs:us-east-1:1:gone"));
        assertThat(r.destination()).isNull();
        assertThat(r.problem()).contains("gone").contains("does not exist");
    }
}
