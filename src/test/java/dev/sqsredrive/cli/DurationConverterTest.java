package dev.sqsredrive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "30, PT30S", "30s, PT30S", "5m, PT5M", "2h, PT2H", "1h30m, PT1H30M", "500ms, PT0.5S",
            "1m30s250ms, PT1M30.25S", "' 10S ', PT10S", "PT5M, PT5M", "pt1h, PT1H", "90m, PT1H30M",
    })
    void readsDurationsAsPeopleTypeThem(String input, String expected) {
        assertThat(converter.convert(input)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5 m", "5d", "m5", "1.5s", "-5s", "PTxyz", "5mm"})
    void refusesWhatIsNotADuration(String input) {
        assertThatThrownBy(() -> converter.convert(input)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + input + "' is not a duration (e.g. 30s, 5m, 1h30m)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "9999999999999999h"})
    void refusesDurationsTooLongToHold(String input) {
        assertThatThrownBy(() -> converter.convert(input)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + input + "' is too long a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "0ms", "PT0S", "PT-5S"})
    void refusesDurationsThatAreNotLongerThanZero(String input) {
        assertThatThrownBy(() -> converter.convert(input)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + input + "' must be longer than zero");
    }
}
