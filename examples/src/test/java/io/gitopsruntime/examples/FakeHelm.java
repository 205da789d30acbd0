package io.gitopsruntime.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fake {@code helm} for the scripts' integration tests, where no real one is installed: a POSIX shell script
 * named {@code helm} in a directory of its own, to put first on the {@code PATH} of the process under test, with its
 * state in files next to it. Modelled on the helm module's test fake (which this module cannot use).
 *
 * <p>It records the arguments of every call, checks that each {@code -f} values file exists and has mode
 * {@code -rw-------} while it runs (and fails with exit code 91 if not), and keeps a copy of it. Then it either plays
 * back an answer scripted for the sub-command ({@link #respond}) or behaves like a small Helm 3.22: {@code upgrade}
 * stores a deployed revision with the values it got and {@link #MANIFEST} as its manifest; {@code status},
 * {@code get values}, {@code get manifest}, {@code show chart}, {@code template}, {@code history} and
 * {@code uninstall} answer from that state, in the JSON shapes real Helm prints: {@code status -o json} has no
 * {@code chart} (Helm strips it), {@code history -o json} names each revision's chart, and
 * {@code version --template {{.Version}}} prints the bare version. Not thread-safe; one per test.
 */
final class FakeHelm {
  /** What {@code helm version --template {{.Version}}} prints (no newline). */
  static final String VERSION = "v3.22.0";
  /** What {@code helm template} prints and {@code helm get manifest} returns after an upgrade. */
  static final String MANIFEST = String.join("\n",
      "---",
      "# Source: gitops-runtime/templates/crds.yaml",
      "apiVersion: apiextensions.k8s.io/v1",
      "kind: CustomResourceDefinition",
      "metadata:",
      "  name: products.codefresh.io",
      "  annotations:",
      "    helm.sh/resource-policy: keep",
      "spec:",
      "  group: codefresh.io",
      "---",
      "# Source: gitops-runtime/templates/configmaps.yaml",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: cap-app-proxy-cm",
      "data:",
      "  logLevel: info",
      "---",
      "# Source: gitops-runtime/templates/workloads.yaml",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: cap-app-proxy",
      "spec:",
      "  replicas: 1",
      "");

  private static final String SCRIPT = String.join("\n",
      "#!/bin/sh",
      "# A fake helm for tests; see FakeHelm.java.",
      "S='@STATE@'",
      "n=$(( $(cat \"$S/count\") + 1 ))",
      "echo \"$n\" > \"$S/count\"",
      "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$S/calls/$n.args\"",
      "key=$1",
      "case \"$1\" in get|show) key=\"$1-$2\" ;; esac",
      "prev=; values=; version=0.30.0; ns=default",
      "for a in \"$@\"; do",
      "  if [ \"$prev\" = \"-f\" ]; then",
      "    if [ ! -f \"$a\" ]; then echo \"fake helm: values file $a does not exist\" >&2; exit 90; fi",
      "    mode=$(ls -l \"$a\" | cut -c1-10)",
      "    echo \"$mode\" >> \"$S/modes\"",
      "    if [ \"$mode\" != \"-rw-------\" ]; then echo \"fake helm: values file $a has mode $mode\" >&2; exit 91; fi",
      "    cp \"$a\" \"$S/calls/$n.values\"",
      "    values=$a",
      "  fi",
      "  [ \"$prev\" = \"--version\" ] && version=$a",
      "  [ \"$prev\" = \"--namespace\" ] && ns=$a",
      "  prev=$a",
      "done",
      "R=\"$S/respond/$key\"",
      "if [ -d \"$R\" ]; then cat \"$R/stdout\"; cat \"$R/stderr\" >&2; exit \"$(cat \"$R/exit\")\"; fi",
      "notfound() { echo 'Error: release: not found' >&2; exit 1; }",
      "D=\"$S/release\"",
      "T='2026-01-05T10:15:13.123456789Z'",
      "case \"$key\" in",
      "  version) printf '%s' '" + VERSION + "' ;;",
      "  template) cat \"$S/manifest.yaml\" ;;",
      "  show-chart) printf 'apiVersion: v2\\nname: gitops-runtime\\nversion: %s\\n' \"$version\" ;;",
      "  upgrade)",
      "    rev=$(( $(cat \"$D/revision\" 2>/dev/null || echo 0) + 1 ))",
      "    mkdir -p \"$D\"",
      "    [ \"$rev\" = 1 ] && echo \"Release \\\"$3\\\" does not exist. Installing it now.\"",
      "    if [ -f \"$D/history\" ]; then sed 's/^\\([0-9]*\\) deployed /\\1 superseded /' \"$D/history\" > \"$D/history.new\";"
          + " mv \"$D/history.new\" \"$D/history\"; fi",
      "    echo \"$rev deployed $version\" >> \"$D/history\"",
      "    echo \"$rev\" > \"$D/revision\"; echo \"$version\" > \"$D/chart\"",
      "    cp \"$values\" \"$D/values.yaml\"; cp \"$S/manifest.yaml\" \"$D/manifest.yaml\"",
      "    printf 'NAME: %s\\nNAMESPACE: %s\\nSTATUS: deployed\\nREVISION: %s\\n' \"$3\" \"$ns\" \"$rev\" ;;",
      "  status)",
      "    [ -f \"$D/revision\" ] || notfound",
      "    printf '{\"name\":\"%s\",\"info\":{\"first_deployed\":\"%s\",\"last_deployed\":\"%s\",\"deleted\":\"\","
          + "\"description\":\"Install complete\",\"status\":\"deployed\"},\"config\":{},\"version\":%s,\"namespace\":\"%s\"}\\n'"
          + " \"$2\" \"$T\" \"$T\" \"$(cat \"$D/revision\")\" \"$ns\" ;;",
      "  history)",
      "    [ -f \"$D/revision\" ] || notfound",
      "    sep='['; while read -r r s c; do printf '%s{\"revision\":%s,\"updated\":\"%s\",\"status\":\"%s\","
          + "\"chart\":\"gitops-runtime-%s\",\"app_version\":\"0.1.0\",\"description\":\"Upgrade complete\"}'"
          + " \"$sep\" \"$r\" \"$T\" \"$s\" \"$c\"; sep=','; done < \"$D/history\"; echo ']' ;;",
      "  get-values) [ -f \"$D/revision\" ] || notfound; cat \"$D/values.yaml\" ;;",
      "  get-manifest) [ -f \"$D/revision\" ] || notfound; cat \"$D/manifest.yaml\" ;;",
      "  uninstall) [ -f \"$D/revision\" ] || notfound; rm -rf \"$D\"; echo \"release \\\"$2\\\" uninstalled\" ;;",
      "  *) echo \"fake helm: no behaviour for $key\" >&2; exit 64 ;;",
      "esac",
      "");

  private final Path state;
  private final Path executable;

  private FakeHelm(Path dir) {
    this.state = dir.resolve("state");
    this.executable = dir.resolve("bin").resolve("helm");
  }

  /**
   * Writes the script and its initial state: no release.
   *
   * @param dir a directory of the test's own
   * @return the fake
   */
  static FakeHelm create(Path dir) {
    FakeHelm fake = new FakeHelm(dir);
    try {
      Files.createDirectories(fake.state.resolve("calls"));
      Files.createDirectories(fake.executable.getParent());
      Files.writeString(fake.state.resolve("count"), "0\n");
      Files.writeString(fake.state.resolve("manifest.yaml"), MANIFEST);
      Files.writeString(fake.executable, SCRIPT.replace("@STATE@", fake.state.toString()));
      Files.setPosixFilePermissions(fake.executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fake;
  }

  /** The directory holding the script, to put first on a search path. */
  Path binDirectory() {
    return executable.getParent();
  }

  /** Makes every call of a sub-command ({@code upgrade}, {@code get-values}, {@code show-chart}...) answer this. */
  FakeHelm respond(String key, int exitCode, String stdout, String stderr) {
    Path answer = state.resolve("respond").resolve(key);
    write(answer.resolve("exit"), exitCode + "\n");
    write(answer.resolve("stdout"), stdout);
    write(answer.resolve("stderr"), stderr);
    return this;
  }

  /** The arguments of every call so far, oldest first. */
  List<List<String>> calls() {
    List<List<String>> calls = new ArrayList<>();
    for (int i = 1; Files.exists(state.resolve("calls").resolve(i + ".args")); i++) {
      calls.add(read(state.resolve("calls").resolve(i + ".args")).lines().toList());
    }
    return calls;
  }

  /** The sub-commands called so far, such as {@code [version, status, template, upgrade, status]}. */
  List<String> subcommands() {
    return calls().stream()
        .map(c -> c.get(0).equals("get") || c.get(0).equals("show") ? c.get(0) + " " + c.get(1) : c.get(0))
        .toList();
  }

  /** The arguments of the calls of one sub-command (the first argument). */
  List<List<String>> calls(String subcommand) {
    return calls().stream().filter(c -> c.get(0).equals(subcommand)).toList();
  }

  /** The mode of every values file helm was given, as {@code ls -l} prints it. */
  List<String> valuesModes() {
    Path modes = state.resolve("modes");
    return Files.exists(modes) ? read(modes).lines().toList() : List.of();
  }

  /** Every values file helm was given, as it read them. */
  List<String> valuesFiles() {
    try (Stream<Path> files = Files.list(state.resolve("calls"))) {
      return files.filter(p -> p.toString().endsWith(".values")).sorted().map(FakeHelm::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "FakeHelm" + calls();
  }
}
