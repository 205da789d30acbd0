package io.gitopsruntime.values;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Shared steps of switching access modes. */
final class Modes {
  private Modes() {}

  /**
   * Turns every mode off (by removing its switch so the chart default applies), then lets the chosen
   * mode set its keys.
   */
  static GitOpsRuntimeValues apply(
      GitOpsRuntimeValues values, UnaryOperator<RuntimeValues> mode, boolean tunnelDefault) {
    RuntimeValues runtime = values.global().runtime();
    RuntimeValues cleared =
        runtime
            .withIngress(runtime.ingress().withEnabled(Optional.empty()))
            .withHttpRoute(runtime.httpRoute().withEnabled(Optional.empty()))
            .withIngressUrl(Optional.empty())
            .withAdditionalValues(without(runtime.additionalValues(), "ingressUrl"));
    RuntimeValues changed = mode.apply(cleared);
    ComponentValues tunnel =
        tunnelDefault
            ? values.tunnelClient().withEnabled(Optional.empty())
            : values.tunnelClient().withEnabled(false);
    return values
        .withGlobal(values.global().withRuntime(changed))
        .withTunnelClient(tunnel);
  }

  private static java.util.Map<String, Object> without(java.util.Map<String, Object> map, String key) {
    if (!map.containsKey(key)) {
      return map;
    }
    java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
    copy.remove(key);
    return copy;
  }
}
