package io.xenpulse.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "5s,5000", "2m,120000", "1h,3600000", "PT5S,5000", "pt0.5s,500", "' 3 s ',3000"})
    void shouldReadTheDurationFormsOperatorsWrite(String text, long millis) {
        assertThat(new Settings(Map.of("K", text)).duration("K", Duration.ZERO)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"five seconds", "5", "-5s", "PT-5S", "9999999999s", "5d"})
    void shouldRejectWhatIsNotADurationNamingTheKey(String text) {
        assertThatThrownBy(() -> new Settings(Map.of("XENPULSE_X", text)).duration("XENPULSE_X", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XENPULSE_X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void shouldFallBackWhenUnsetOrBlank(String text) {
        assertThat(new Settings(Map.of("K", text)).duration("K", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(new Settings(Map.of()).integer("N", 3)).isEqualTo(3);
    }
}
