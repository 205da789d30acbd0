package io.gitopsruntime.core.internal;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the exports share: the order of the installation page, the parts of a chart reference, the literal secrets. */
final class ExportParts {
  private static final List<String> PAGE_ORDER = List.of(
      "global.codefresh.accountId",
      "global.codefresh.userToken.token",
      "global.codefresh.userToken.secretKeyRef.name",
      "global.codefresh.userToken.secretKeyRef.key",
      "global.runtime.name",
      "global.runtime.ingressUrl",
      "global.runtime.ingress.enabled",
      "global.runtime.ingress.hosts[",
      "global.runtime.ingress.className",
      "tunnel-client.enabled");

  private ExportParts() {}

  /** Every leaf of the values, in the order of Codefresh's installation page, then as the values hold them. */
  static List<Map.Entry<ValuesPath, Object>> orderedLeaves(RuntimeInstallation installation, SecretHandling secrets) {
    List<Map.Entry<ValuesPath, Object>> leaves = new ArrayList<>();
    // every leaf, empty maps included: {} in a values file is a value Helm keeps ({} list items too)
    leaves.addAll(ValuesTree.of(installation.values(), secrets).leaves());
    leaves.sort(Comparator.comparingInt(leaf -> rank(leaf.getKey())));
    return leaves;
  }

  private static int rank(ValuesPath path) {
    String text = path.toString();
    for (int i = 0; i < PAGE_ORDER.size(); i++) {
      String known = PAGE_ORDER.get(i);
      if (known.endsWith("[") ? text.startsWith(known) : text.equals(known)) {
        return i;
      }
    }
    return PAGE_ORDER.size();
  }

  /** A chart reference split into repository and chart name; the repository is null for a local chart. */
  static String[] splitChart(String chart) {
    if (chart.startsWith("oci://") || chart.startsWith("https://") || chart.startsWith("http://")) {
      int slash = chart.lastIndexOf('/');
      if (slash > chart.indexOf("//") + 2) {
        return new String[] {chart.substring(0, slash), chart.substring(slash + 1)};
      }
    }
    return new String[] {null, chart};
  }

  /** Every literal secret of the installation by the leaf that holds it, as {@link SecretSlots} decides. */
  static Map<ValuesPath, String> literalSecrets(RuntimeInstallation installation) {
    return SecretSlots.literals(ValuesTree.of(installation.values(), SecretHandling.REVEAL).data());
  }
}
