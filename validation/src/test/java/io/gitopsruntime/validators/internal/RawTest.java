package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.values.ExplicitNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawTest {

  @Test
  void readsATypedKeyLikeHelmAfterMergingOverTheChartDefault() {
    assertThat(Raw.string(Optional.of("traefik"), Map.of("className", ""), "className", "nginx")).contains("traefik");
    assertThat(Raw.string(Optional.empty(), Map.of(), "className", "nginx")).contains("nginx");
    assertThat(Raw.string(Optional.empty(), Map.of("className", ""), "className", "nginx")).contains("");
    assertThat(Raw.string(Optional.empty(), Map.of("className", ExplicitNull.INSTANCE), "className", "nginx")).isEmpty();
    assertThat(Raw.string(Optional.empty(), Map.of("port", 80), "port", null)).contains("80");
  }

  @Test
  void readsBooleansWithNullAsFalse() {
    assertThat(Raw.bool(Optional.empty(), Map.of(), "enabled", true)).isTrue();
    assertThat(Raw.bool(Optional.empty(), Map.of("enabled", ExplicitNull.INSTANCE), "enabled", true)).isFalse();
    assertThat(Raw.bool(Optional.of(false), Map.of(), "enabled", true)).isFalse();
  }

  @Test
  void appliesGoTemplateTruthiness() {
    assertThat(List.<Object>of(0, "", List.of(), Map.of(), false, ExplicitNull.INSTANCE)).noneMatch(Raw::truthy);
    assertThat(List.<Object>of(1, "50%", "0", true)).allMatch(Raw::truthy);
  }

  @Test
  void walksNestedMaps() {
    Map<String, Object> root = Map.of("configs", Map.of("tls", Map.of("certificates", Map.of("git.example.com", "x"))));
    assertThat(Raw.mapAt(root, "configs", "tls", "certificates")).contains(Map.of("git.example.com", "x"));
    assertThat(Raw.at(root, "configs", "missing", "certificates")).isEmpty();
    assertThat(Raw.mapAt(Map.of("configs", "text"), "configs")).isEmpty();
  }
}
