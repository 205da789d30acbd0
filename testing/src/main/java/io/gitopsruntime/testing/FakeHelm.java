package io.gitopsruntime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fake {@code helm} for tests of code that runs the {@code helm} binary, where no real one is wanted: a POSIX shell
 * script named {@code helm} written into a directory of its own (to pass as the executable, or to put first on a
 * {@code PATH}), with its state in files next to it. It records the arguments of every call, checks that each {@code -f} values file exists and has
 * mode {@code -rw-------} while it runs (and fails with exit code 91 if not), and then either plays back a
 * scripted answer for the sub-command ({@link #respond}) or behaves like a small Helm: {@code upgrade} stores a
 * new deployed revision with the values it got and the manifest of {@link #renders}, {@code status},
 * {@code history}, {@code get values}, {@code get manifest}, {@code show chart}, {@code template} and
 * {@code uninstall} answer from that state.
 *
 * <p>Its JSON has the shapes real Helm prints (read from Helm 3.22's and 4.3's source, {@code cmd/helm/status.go},
 * {@code history.go} and {@code pkg/release}): {@code status -o json} has no {@code chart} key (both majors strip
 * it; Helm 4 adds {@code apply_method}), {@code history -o json} names each revision's chart as
 * {@code name-version}, and {@code version --template {{.Version}}} prints the bare version without a newline.
 * The release's {@code config} is always {@code {}} here (the values are in {@code get values}). A version
 * starting with {@code v4} makes it answer as Helm 4. Not thread-safe; one per test.
 */
public final class FakeHelm {
  /** The version {@code helm version --template {{.Version}}} prints unless told otherwise. */
  public static final String VERSION = "v3.22.0";
  /** The manifest {@code helm template} prints unless told otherwise. */
  public static final String MANIFEST = String.join("\n",
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
      "# A fake helm written by FakeHelm for tests.",
      "S='@STATE@'",
      "n=$(( $(cat \"$S/count\") + 1 ))",
      "echo \"$n\" > \"$S/count.new\"; mv \"$S/count.new\" \"$S/count\"",
      "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$S/calls/$n.args.new\"; mv \"$S/calls/$n.args.new\" \"$S/calls/$n.args\"",
      "key=$1",
      "case \"$1\" in get|show) key=\"$1-$2\" ;; esac",
      "prev=; values=; version=0.30.0; ns=default",
      "for a in \"$@\"; do",
      "  if [ \"$prev\" = \"-f\" ] || [ \"$prev\" = \"--values\" ]; then",
      "    if [ ! -f \"$a\" ]; then echo \"fake helm: values file $a does not exist\" >&2; exit 90; fi",
      "    mode=$(ls -l \"$a\" | cut -c1-10)",
      "    echo \"$mode\" >> \"$S/calls/$n.modes\"",
      "    if [ \"$mode\" != \"-rw-------\" ]; then echo \"fake helm: values file $a has mode $mode, not -rw-------\" >&2; exit 91; fi",
      "    cp \"$a\" \"$S/calls/$n.values\"",
      "    values=$a",
      "  fi",
      "  [ \"$prev\" = \"--version\" ] && version=$a",
      "  [ \"$prev\" = \"--namespace\" ] && ns=$a",
      "  prev=$a",
      "done",
      "R=\"$S/respond/$key\"",
      "if [ -d \"$R\" ]; then",
      "  [ -f \"$R/sleep\" ] && sleep \"$(cat \"$R/sleep\")\"",
      "  [ -f \"$R/stdout\" ] && cat \"$R/stdout\"",
      "  [ -f \"$R/stderr\" ] && cat \"$R/stderr\" >&2",
      "  exit \"$(cat \"$R/exit\")\"",
      "fi",
      "notfound() { echo 'Error: release: not found' >&2; exit 1; }",
      "D=\"$S/release\"",
      "T='2026-01-05T10:15:13.123456789Z'",
      "case \"$key\" in",
      "  version) printf '%s' \"$(cat \"$S/version\")\" ;;",
      "  template) cat \"$S/manifest.yaml\" ;;",
      "  show-chart) printf 'apiVersion: v2\\nname: gitops-runtime\\nversion: %s\\n' \"$version\" ;;",
      "  upgrade)",
      "    rev=$(( $(cat \"$D/revision\" 2>/dev/null || echo 0) + 1 ))",
      "    mkdir -p \"$D\"",
      "    [ \"$rev\" = 1 ] && echo \"Release \\\"$3\\\" does not exist. Installing it now.\"",
      "    if [ -f \"$D/history\" ]; then sed 's/^\\([0-9]*\\) deployed /\\1 superseded /' \"$D/history\" > \"$D/history.new\"; mv \"$D/history.new\" \"$D/history\"; fi",
      "    if [ \"$rev\" = 1 ]; then echo \"$rev deployed $version Install complete\"; else echo \"$rev deployed $version Upgrade complete\"; fi >> \"$D/history\"",
      "    echo \"$rev\" > \"$D/revision\"; echo deployed > \"$D/status\"; echo \"$version\" > \"$D/chart\"",
      "    cp \"$values\" \"$D/values.yaml\"; cp \"$S/manifest.yaml\" \"$D/manifest.yaml\"",
      "    printf 'NAME: %s\\nNAMESPACE: %s\\nSTATUS: deployed\\nREVISION: %s\\n' \"$3\" \"$ns\" \"$rev\" ;;",
      "  status)",
      "    [ -f \"$D/revision\" ] || notfound",
      "    m=$(sed -e 's/\\\\/\\\\\\\\/g' -e 's/\"/\\\\\"/g' \"$D/manifest.yaml\" | awk '{printf \"%s\\\\n\", $0}')",
      "    apply=; del=',\"deleted\":\"\"'; case \"$(cat \"$S/version\")\" in v4*) apply=',\"apply_method\":\"ssa\"'; del= ;; esac",
      "    printf '{\"name\":\"%s\",\"info\":{\"first_deployed\":\"%s\",\"last_deployed\":\"%s\"%s,\"description\":\"%s\",\"status\":\"%s\"},\"config\":{},\"manifest\":\"%s\",\"version\":%s,\"namespace\":\"%s\"%s}\\n' \\",
      "      \"$2\" \"$T\" \"$T\" \"$del\" \"$(tail -n 1 \"$D/history\" | cut -d' ' -f4-)\" \"$(cat \"$D/status\")\" \"$m\" \"$(cat \"$D/revision\")\" \"$ns\" \"$apply\" ;;",
      "  history)",
      "    [ -f \"$D/revision\" ] || notfound",
      "    sep='['; while read -r r s c d; do",
      "      printf '%s{\"revision\":%s,\"updated\":\"%s\",\"status\":\"%s\",\"chart\":\"gitops-runtime-%s\",\"app_version\":\"0.1.0\",\"description\":\"%s\"}' \"$sep\" \"$r\" \"$T\" \"$s\" \"$c\" \"$d\"; sep=','",
      "    done < \"$D/history\"; echo ']' ;;",
      "  get-values) [ -f \"$D/revision\" ] || notfound; cat \"$D/values.yaml\" ;;",
      "  get-manifest) [ -f \"$D/revision\" ] || notfound; cat \"$D/manifest.yaml\" ;;",
      "  uninstall) [ -f \"$D/revision\" ] || notfound; rm -rf \"$D\"; echo \"release \\\"$2\\\" uninstalled\" ;;",
      "  *) echo \"fake helm: no behaviour for $key\" >&2; exit 64 ;;",
      "esac",
      "");

  private final Path dir;
  private final Path state;
  private final Path executable;

  private FakeHelm(Path dir) {
    this.dir = dir;
    this.state = dir.resolve("state");
    this.executable = dir.resolve("bin").resolve("helm");
  }

  /**
   * Writes the script and its initial state (no release, {@link #VERSION}, {@link #MANIFEST}).
   *
   * @param dir a directory of the test's own
   * @return the fake
   */
  public static FakeHelm create(Path dir) {
    FakeHelm fake = new FakeHelm(dir);
    try {
      Files.createDirectories(fake.state.resolve("calls"));
      Files.createDirectories(fake.state.resolve("respond"));
      Files.createDirectories(fake.executable.getParent());
      Files.writeString(fake.state.resolve("count"), "0\n");
      Files.writeString(fake.executable, SCRIPT.replace("@STATE@", fake.state.toString()));
      Files.setPosixFilePermissions(fake.executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fake.version(VERSION).renders(MANIFEST);
  }

  /**
   * The script.
   *
   * @return its path
   */
  public Path executable() {
    return executable;
  }

  /**
   * The directory holding the script, to put on a search path.
   *
   * @return the directory
   */
  public Path binDirectory() {
    return executable.getParent();
  }

  /**
   * What {@code helm version --template {{.Version}}} prints.
   *
   * @param version such as {@code v3.22.0} or {@code v4.3.1}
   * @return this fake
   */
  public FakeHelm version(String version) {
    return write(state.resolve("version"), version + "\n");
  }

  /**
   * What {@code helm template} prints, and what the next {@code upgrade} stores as the release's manifest.
   *
   * @param manifest the YAML documents
   * @return this fake
   */
  public FakeHelm renders(String manifest) {
    return write(state.resolve("manifest.yaml"), manifest);
  }

  /**
   * Makes every call of a sub-command answer this.
   *
   * @param key the sub-command: {@code upgrade}, {@code get-values}, {@code show-chart}...
   * @param exitCode the exit code
   * @param stdout what it prints on standard output
   * @param stderr what it prints on standard error
   * @return this fake
   */
  public FakeHelm respond(String key, int exitCode, String stdout, String stderr) {
    return respondAfter(key, Duration.ZERO, exitCode, stdout, stderr);
  }

  /**
   * Like {@link #respond}, after sleeping (in a child process of the script).
   *
   * @param key the sub-command
   * @param sleep how long to sleep first (whole seconds)
   * @param exitCode the exit code
   * @param stdout what it prints on standard output
   * @param stderr what it prints on standard error
   * @return this fake
   */
  public FakeHelm respondAfter(String key, Duration sleep, int exitCode, String stdout, String stderr) {
    Path r = state.resolve("respond").resolve(key);
    write(r.resolve("exit"), exitCode + "\n");
    write(r.resolve("stdout"), stdout);
    write(r.resolve("stderr"), stderr);
    if (!sleep.isZero()) {
      write(r.resolve("sleep"), sleep.toSeconds() + "\n");
    }
    return this;
  }

  /**
   * Sets the stored release: its revisions as {@code "<revision> <status>"}, oldest first, each of
   * {@code chartVersion}; the last is current.
   *
   * @param chartVersion the chart version of every revision
   * @param history such as {@code "1 superseded", "2 deployed", "3 pending-upgrade"}
   * @return this fake
   */
  public FakeHelm release(String chartVersion, String... history) {
    Path d = state.resolve("release");
    String[] last = history[history.length - 1].split(" ");
    write(d.resolve("history"), Arrays.stream(history).map(h -> h + " " + chartVersion + " Upgrade complete")
        .collect(Collectors.joining("\n")) + "\n");
    write(d.resolve("revision"), last[0] + "\n");
    write(d.resolve("status"), last[1] + "\n");
    write(d.resolve("chart"), chartVersion + "\n");
    write(d.resolve("values.yaml"), "{}\n");
    return write(d.resolve("manifest.yaml"), MANIFEST);
  }

  /**
   * The arguments of every call so far.
   *
   * @return each call's arguments, oldest first
   */
  public List<List<String>> calls() {
    List<List<String>> calls = new ArrayList<>();
    for (int i = 1; Files.exists(state.resolve("calls").resolve(i + ".args")); i++) {
      calls.add(read(state.resolve("calls").resolve(i + ".args")).lines().toList());
    }
    return calls;
  }

  /**
   * The sub-commands called so far.
   *
   * @return such as {@code [version, status, template, upgrade, status]}
   */
  public List<String> subcommands() {
    return calls().stream().map(c -> c.get(0).equals("get") || c.get(0).equals("show") ? c.get(0) + " " + c.get(1) : c.get(0))
        .toList();
  }

  /**
   * The arguments of the calls of one sub-command.
   *
   * @param subcommand the first argument, such as {@code upgrade}
   * @return each call's arguments, oldest first
   */
  public List<List<String>> calls(String subcommand) {
    return calls().stream().filter(c -> c.get(0).equals(subcommand)).toList();
  }

  /**
   * The mode of every values file seen.
   *
   * @return the modes as {@code ls -l} prints them
   */
  public List<String> valuesModes() {
    try (Stream<Path> files = Files.list(state.resolve("calls"))) {
      return files.filter(p -> p.toString().endsWith(".modes")).sorted().flatMap(p -> read(p).lines()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The values file the latest call that had one was given.
   *
   * @return its contents, or an empty string
   */
  public String lastValues() {
    try (Stream<Path> files = Files.list(state.resolve("calls"))) {
      return files.filter(p -> p.toString().endsWith(".values"))
          .max((a, b) -> Integer.compare(callNumber(a), callNumber(b))).map(FakeHelm::read).orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every values file helm was given, as it read them, oldest first.
   *
   * @return the files' contents
   */
  public List<String> valuesFiles() {
    try (Stream<Path> files = Files.list(state.resolve("calls"))) {
      return files.filter(p -> p.toString().endsWith(".values"))
          .sorted((a, b) -> Integer.compare(callNumber(a), callNumber(b))).map(FakeHelm::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int callNumber(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  /**
   * Every argument of every call, flattened.
   *
   * @return the arguments
   */
  public List<String> allArguments() {
    return calls().stream().flatMap(List::stream).collect(Collectors.toList());
  }

  private FakeHelm write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
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
    return "FakeHelm[" + dir + "] " + Arrays.toString(calls().toArray());
  }
}
