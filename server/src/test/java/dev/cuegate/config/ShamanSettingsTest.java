package dev.cuegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code SHAMAN_*} settings, read as every other setting is. */
class ShamanSettingsTest {
  private static final Path DATA = Path.of("/var/lib/cuegate");

  @Test
  void defaultsLiveUnderDataDir() {
    GatewayConfig.Shaman config = shaman(Map.of());

    assertThat(config.enabled()).isTrue();
    assertThat(config.storePath()).isEqualTo(DATA.resolve("shaman/file-store"));
    assertThat(config.checkoutPath()).isEqualTo(DATA.resolve("shaman/checkout"));
    assertThat(config.extraCheckoutRoots()).isEmpty();
    assertThat(config.gcPeriod()).isEqualTo(Duration.ofHours(24));
    assertThat(config.gcMaxAge()).isEqualTo(Duration.ofHours(744));
    assertThat(config.maxUploadBytes()).isEqualTo(64L << 30);
  }

  @Test
  void everyVariableOverridesItsDefault() {
    GatewayConfig.Shaman config = shaman(Map.of(
        "SHAMAN_ENABLED", "false",
        "SHAMAN_STORE_PATH", "/store",
        "SHAMAN_CHECKOUT_PATH", "/checkout",
        "SHAMAN_EXTRA_CHECKOUT_ROOTS", "/old1, /old2,",
        "SHAMAN_GC_PERIOD", "0",
        "SHAMAN_GC_MAX_AGE", "1h30m",
        "SHAMAN_MAX_UPLOAD_BYTES", "2GiB"));

    assertThat(config.enabled()).isFalse();
    assertThat(config.storePath()).isEqualTo(Path.of("/store"));
    assertThat(config.checkoutRoots())
        .isEqualTo(List.of(Path.of("/checkout"), Path.of("/old1"), Path.of("/old2")));
    assertThat(config.gcPeriod()).isZero();
    assertThat(config.gcMaxAge()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.maxUploadBytes()).isEqualTo(2L << 30);
  }

  @ParameterizedTest
  @CsvSource({
      "SHAMAN_ENABLED, maybe",
      "SHAMAN_GC_PERIOD, 24",
      "SHAMAN_GC_PERIOD, -1h",
      "SHAMAN_GC_MAX_AGE, 31d",
      "SHAMAN_MAX_UPLOAD_BYTES, lots",
      "SHAMAN_MAX_UPLOAD_BYTES, 99999999999TiB",
      "SHAMAN_STORE_PATH, bad\u0000path"})
  void badValueFailsNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> shaman(Map.of(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable + ": expected ")
        .hasMessageEndingWith(", got '" + value + "'");
  }

  private static GatewayConfig.Shaman shaman(Map<String, String> env) {
    Map<String, String> withDataDir = new HashMap<>(env);
    withDataDir.put("DATA_DIR", DATA.toString());
    return EnvConfigLoader.shaman(withDataDir);
  }
}
