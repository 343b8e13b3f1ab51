package dev.cuegate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.events.EventType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {

  @Test
  void aFileListsEndpointsWithTheirFilters() {
    List<WebhookEndpoint> endpoints = WebhookEndpoints.parse("""
        [{"name": "alerts", "url": "https://hooks.example.com/cue", "secret": "s1",
          "types": ["frame.dead", "job.finished"], "show": "demo", "job": ["a", "b"]},
         {"name": "all", "url": "http://127.0.0.1:9/x", "secret": "s2"}]
        """);

    assertThat(endpoints).extracting(WebhookEndpoint::name).containsExactly("alerts", "all");
    WebhookEndpoint alerts = endpoints.get(0);
    assertThat(alerts.url().getHost()).isEqualTo("hooks.example.com");
    assertThat(alerts.filter().types())
        .containsExactlyInAnyOrder(EventType.FRAME_DEAD, EventType.JOB_FINISHED);
    assertThat(alerts.filter().shows()).isEqualTo(Set.of("demo"));
    assertThat(alerts.filter().jobs()).isEqualTo(Set.of("a", "b"));
    assertThat(endpoints.get(1).filter().types()).isEmpty();
  }

  @Test
  void aBadUrlNamesTheEntry() {
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "ok", "url": "http://a.example/", "secret": "s"},
         {"name": "relative", "url": "/hooks", "secret": "s"}]"""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2 (\"relative\")")
        .hasMessageContaining("/hooks");
    assertThatThrownBy(() -> WebhookEndpoints.parse(
        "[{\"name\": \"ftp\", \"url\": \"ftp://a.example/\", \"secret\": \"s\"}]"))
        .hasMessageContaining("\"ftp\"")
        .hasMessageContaining("http or https");
  }

  @Test
  void anUnknownTypeNamesTheEntryAndTheType() {
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "typo", "url": "http://a.example/", "secret": "s", "types": ["frame.ded"]}]"""))
        .hasMessageContaining("\"typo\"")
        .hasMessageContaining("frame.ded")
        .hasMessageContaining("frame.dead");
  }

  @Test
  void aMissingSecretNamesTheEntry() {
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "unsigned", "url": "http://a.example/"}]"""))
        .hasMessageContaining("\"unsigned\"")
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "blank", "url": "http://a.example/", "secret": "  "}]"""))
        .hasMessageContaining("\"blank\"");
  }

  @Test
  void unknownKeysDuplicateNamesAndUnsafeNamesAreRefused() {
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "x", "url": "http://a.example/", "secret": "s", "shows": "demo"}]"""))
        .hasMessageContaining("unknown key \"shows\"");
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "x", "url": "http://a.example/", "secret": "s"},
         {"name": "x", "url": "http://b.example/", "secret": "t"}]"""))
        .hasMessageContaining("entry 2 (\"x\")");
    assertThatThrownBy(() -> WebhookEndpoints.parse("""
        [{"name": "../up", "url": "http://a.example/", "secret": "s"}]"""))
        .hasMessageContaining("entry 1");
    assertThatThrownBy(() -> WebhookEndpoints.parse("{}"))
        .hasMessageContaining("list");
  }
}
