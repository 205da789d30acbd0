package io.gitopsruntime.core;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.RuntimeValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Values files read into one {@link RuntimeInstallation}, with every problem found on the way, and the
 * validators' findings merged with those problems into one ordered report: what the {@code gitops-runtime}
 * tool's {@code plan} and {@code validate} print, for tools and scripts of your own.
 *
 * <pre>{@code
 * ValuesFiles files = ValuesFiles.builder()
 *     .file(Path.of("values.yaml"))
 *     .file(Path.of("prod-eu.yaml"))          // later files win, as with helm -f
 *     .namespace("codefresh")
 *     .read();                                // never throws for bad input
 * ValidationReport report = files.validateOffline(ValidatorChain.builder().addAll(Validators.offline()).build());
 * for (Finding finding : report.findings()) {
 *   System.out.println(finding + files.locationOf(finding).map(l -> " (" + l + ")").orElse(""));
 * }
 * }</pre>
 *
 * <p><b>What it reads.</b> Each file (or stream) is parsed with {@link ValuesYaml}; several are layered
 * with Helm's rules ({@link ValuesTree#overriddenBy}). A file that cannot be read or is not well-formed YAML
 * becomes a finding ({@value #FILE_UNREADABLE} or {@value #YAML_MALFORMED}) in {@link #readErrors()}; then
 * the installation is the empty default one and nothing but those findings is meaningful. Values of the
 * wrong type and duplicate keys become {@link #problems()}, as do malformed names: the runtime name from the
 * values (absent, null or empty means {@value RuntimeInstallation#DEFAULT_RUNTIME_NAME}), the release name,
 * the namespace and the chart version given to the builder ({@link NameRules}). A malformed name is
 * reported as given, and the installation is built with the default in its place, so that every other
 * check can still run; {@link #namesValid()} says whether the installation is exactly the one described.
 *
 * <p><b>The report.</b> {@link #report(ValidationReport)} puts the reading problems and the validators'
 * findings in one list: the validators' word on a malformed name (they saw the stand-in) and on a value of
 * the wrong type (the reader already said it, with its fix) is left out, a finding with the same rule id and
 * values path is kept once, and the whole is ordered by severity, then by its place in the files (findings
 * without a place last, in their own order). {@link #locationOf(Finding)} gives that place.
 *
 * <p><b>Resources.</b> Reading happens in {@link Builder#read()}, on the calling thread; the files are
 * closed before it returns, and a stream handed to {@link Builder#input(String, InputStream)} is read to
 * its end but not closed. Validation runs on the chain's threads (see {@link ValidatorChain}); the chain
 * stays the caller's to close.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class ValuesFiles {
  /** The rule id of a values file that cannot be read (missing, not UTF-8, no permission). */
  public static final String FILE_UNREADABLE = "values.unreadable";
  /** The rule id of a values file that is not well-formed YAML, or whose top level is not a map. */
  public static final String YAML_MALFORMED = "yaml.malformed";

  private final List<ParsedValues> files;
  private final RuntimeInstallation installation;
  private final String runtimeName;
  private final String releaseName;
  private final String namespace;
  /** The runtime node as the files give it, when they gave no name (absent, null or empty); else null. */
  private final @Nullable RuntimeValues runtimeWithoutName;
  private final List<Finding> problems;
  private final List<Finding> readErrors;
  private final Map<Finding, SourceLocation> readErrorLocations;

  private ValuesFiles(List<ParsedValues> files, RuntimeInstallation installation, String runtimeName,
      String releaseName, String namespace, @Nullable RuntimeValues runtimeWithoutName, List<Finding> problems,
      List<Finding> readErrors, Map<Finding, SourceLocation> readErrorLocations) {
    this.files = List.copyOf(files);
    this.installation = installation;
    this.runtimeName = runtimeName;
    this.releaseName = releaseName;
    this.namespace = namespace;
    this.runtimeWithoutName = runtimeWithoutName;
    this.problems = List.copyOf(problems);
    this.readErrors = List.copyOf(readErrors);
    this.readErrorLocations = readErrorLocations;
  }

  /**
   * Starts a read with the default release name, namespace and chart.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads values files with the default release name, namespace and chart.
   *
   * @param files the files, later ones overriding earlier ones
   * @return what was read, with every problem found
   */
  public static ValuesFiles read(Path... files) {
    Builder builder = builder();
    for (Path file : files) {
      builder.file(file);
    }
    return builder.read();
  }

  /**
   * The installation the files and names describe. Malformed names are replaced by their defaults (see
   * {@link #namesValid()}); when a file could not be read, this is the default installation.
   *
   * @return the installation
   */
  public RuntimeInstallation installation() {
    return installation;
  }

  /**
   * The files that were read, in the order given; without the ones that could not be read.
   *
   * @return the parsed files
   */
  public List<ParsedValues> files() {
    return files;
  }

  /**
   * The source names of the files read, joined with {@code ", "}, for a message such as
   * {@code Validated values.yaml, prod-eu.yaml}.
   *
   * @return the source names
   */
  public String sources() {
    return String.join(", ", files.stream().map(ParsedValues::source).toList());
  }

  /**
   * The runtime name as described: from the values, or {@value RuntimeInstallation#DEFAULT_RUNTIME_NAME} when
   * they give none; possibly malformed (then reported in {@link #problems()}).
   *
   * @return the runtime name
   */
  public String runtimeName() {
    return runtimeName;
  }

  /**
   * The release name as given to the builder, possibly malformed.
   *
   * @return the release name
   */
  public String releaseName() {
    return releaseName;
  }

  /**
   * The namespace as given to the builder, possibly malformed.
   *
   * @return the namespace
   */
  public String namespace() {
    return namespace;
  }

  /**
   * The problems found while reading readable files: values of the wrong type, duplicate keys, then
   * malformed names.
   *
   * @return the problems, each file's in file order
   */
  public List<Finding> problems() {
    return problems;
  }

  /**
   * The files that could not be read, as ERROR findings ({@value #FILE_UNREADABLE}, {@value #YAML_MALFORMED})
   * whose messages name the file and say why.
   *
   * @return the read errors; empty when every file was read
   */
  public List<Finding> readErrors() {
    return readErrors;
  }

  /**
   * Whether every file could be read; when not, {@link #readErrors()} says why and nothing else is meaningful.
   *
   * @return true when there are no read errors
   */
  public boolean readable() {
    return readErrors.isEmpty();
  }

  /**
   * Whether the installation is exactly the one described: no name was malformed.
   *
   * @return true when no name had to be replaced by its default
   */
  public boolean namesValid() {
    return problems.stream().noneMatch(f -> f.ruleId().endsWith(".format"));
  }

  /**
   * The values as the files give them: without the runtime name filled in when they gave none, so that a
   * values file written from a fragment does not override, when layered, a name another file sets.
   *
   * @return the values
   */
  public GitOpsRuntimeValues valuesAsGiven() {
    GitOpsRuntimeValues values = installation.values();
    return runtimeWithoutName == null ? values : values.withGlobal(values.global().withRuntime(runtimeWithoutName));
  }

  /**
   * Where a finding is: the place of a YAML error, or the place of its values path in the last file that has it.
   *
   * @param finding a finding of this read or of a validator
   * @return the location, or empty when the finding has no place in the files
   */
  public Optional<SourceLocation> locationOf(Finding finding) {
    SourceLocation location = readErrorLocations.get(finding);
    return location != null ? Optional.of(location) : locationOf(finding.path());
  }

  /**
   * Where a values path is: in the last file that has it (the one whose value wins), or its nearest enclosing key.
   *
   * @param path a values path such as {@code global.runtime.ingress.hosts[0]}
   * @return the location, or empty when no file has any part of the path
   */
  public Optional<SourceLocation> locationOf(String path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    for (int i = files.size() - 1; i >= 0; i--) {
      Optional<SourceLocation> location = files.get(i).locationOf(path);
      if (location.isPresent()) {
        return location;
      }
    }
    return Optional.empty();
  }

  /**
   * Validates the installation offline with the given chain, and merges its findings with the reading problems.
   * When a file could not be read, the chain does not run and the report holds the read errors.
   *
   * @param chain the validators, such as {@code ValidatorChain.builder().addAll(Validators.offline()).build()}
   * @return the merged, ordered report
   */
  public ValidationReport validateOffline(ValidatorChain chain) {
    Objects.requireNonNull(chain, "chain == null");
    return readable() ? report(chain.validateOffline(installation)) : ValidationReport.of(readErrors);
  }

  /**
   * Merges the reading problems with a validation of {@link #installation()} into one report: the validators'
   * findings on malformed names and on values of the wrong type are left out (the problems say them, with the
   * real names and the fix), a second finding with the same rule id and values path is dropped, and the whole is
   * ordered by severity, then by place in the files. When a file could not be read, the report holds the read
   * errors alone.
   *
   * @param validation the findings of a validation of {@link #installation()}, online or offline
   * @return the merged, ordered report
   */
  public ValidationReport report(ValidationReport validation) {
    Objects.requireNonNull(validation, "validation == null");
    if (!readable()) {
      return ValidationReport.of(readErrors);
    }
    List<Finding> all = new ArrayList<>(problems);
    Set<String> seen = new HashSet<>();
    Set<String> mistyped = new HashSet<>();
    for (Finding f : problems) {
      seen.add(f.ruleId() + " " + f.path());
      if (f.ruleId().equals("values.type")) {
        mistyped.add(f.path());
      }
    }
    for (Finding finding : validation.findings()) {
      // the installation was built with stand-ins for malformed names; those are reported from the input
      if (isNameRule(finding.ruleId())) {
        continue;
      }
      // a value of the wrong type is reported once, by the reader, with the fix
      if (mistyped.contains(finding.path())) {
        continue;
      }
      if (seen.add(finding.ruleId() + " " + finding.path())) {
        all.add(finding);
      }
    }
    // a class rather than lambdas: the tool runs this at start-up, where every lambda costs time
    all.sort(new Comparator<Finding>() {
      @Override
      public int compare(Finding a, Finding b) {
        int bySeverity = Integer.compare(a.severity().ordinal(), b.severity().ordinal());
        return bySeverity != 0 ? bySeverity : Integer.compare(line(a), line(b));
      }

      private int line(Finding f) {
        Optional<SourceLocation> location = locationOf(f);
        return location.isPresent() ? location.get().line() : Integer.MAX_VALUE;
      }
    });
    return ValidationReport.of(all);
  }

  private static boolean isNameRule(String ruleId) {
    return ruleId.equals(NameRules.RUNTIME_NAME) || ruleId.equals(NameRules.NAMESPACE)
        || ruleId.equals(NameRules.RELEASE_NAME) || ruleId.equals(NameRules.CHART_VERSION);
  }

  @Override
  public String toString() {
    return "ValuesFiles{" + sources() + ", " + problems.size() + " problems, " + readErrors.size() + " read errors}";
  }

  /** Collects the files and names to read; {@link #read()} reads them. Not thread-safe. */
  public static final class Builder {
    private final List<Object> sources = new ArrayList<>();
    private String releaseName = RuntimeInstallation.DEFAULT_RELEASE;
    private String namespace = RuntimeInstallation.DEFAULT_NAMESPACE;
    private String chart = RuntimeInstallation.DEFAULT_CHART;
    private @Nullable String chartVersion;

    private Builder() {}

    /**
     * Adds a values file; later files override earlier ones, as with {@code helm -f}.
     *
     * @param file the file
     * @return this builder
     */
    public Builder file(Path file) {
      sources.add(Objects.requireNonNull(file, "file == null"));
      return this;
    }

    /**
     * Adds values read from a stream, such as standard input, at this place in the order of the files.
     *
     * @param sourceName the name messages and locations give it, such as {@code <stdin>}
     * @param in the stream, read to its end as UTF-8 by {@link #read()} and not closed
     * @return this builder
     */
    public Builder input(String sourceName, InputStream in) {
      sources.add(new Stream(Objects.requireNonNull(sourceName, "sourceName == null"), Objects.requireNonNull(in, "in == null")));
      return this;
    }

    /**
     * Sets the Helm release name (default {@value RuntimeInstallation#DEFAULT_RELEASE}).
     *
     * @param releaseName the release name
     * @return this builder
     */
    public Builder releaseName(String releaseName) {
      this.releaseName = Objects.requireNonNull(releaseName, "releaseName == null");
      return this;
    }

    /**
     * Sets the namespace (default {@value RuntimeInstallation#DEFAULT_NAMESPACE}).
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace == null");
      return this;
    }

    /**
     * Sets the chart reference (default {@value RuntimeInstallation#DEFAULT_CHART}); blank means the default.
     *
     * @param chart a directory, a {@code .tgz}, an {@code oci://} reference, a URL or {@code repo/chart}
     * @return this builder
     */
    public Builder chart(String chart) {
      this.chart = Objects.requireNonNull(chart, "chart == null");
      return this;
    }

    /**
     * Pins the chart version, such as {@code 0.30.0} (default: the newest).
     *
     * @param chartVersion the version, or null for the newest
     * @return this builder
     */
    public Builder chartVersion(@Nullable String chartVersion) {
      this.chartVersion = chartVersion;
      return this;
    }

    /**
     * Reads the files and builds the installation. Never throws for bad input: every problem is a finding.
     *
     * @return what was read
     */
    public ValuesFiles read() {
      List<ParsedValues> files = new ArrayList<>();
      List<Finding> problems = new ArrayList<>();
      List<Finding> readErrors = new ArrayList<>();
      Map<Finding, SourceLocation> readErrorLocations = new IdentityHashMap<>();
      for (Object source : sources) {
        try {
          ParsedValues parsed = source instanceof Stream stream
              ? ValuesYaml.parse(stream.readAll(), stream.name) : ValuesYaml.read((Path) source);
          files.add(parsed);
          problems.addAll(parsed.problems());
        } catch (ValuesSyntaxException e) {
          Finding finding = Finding.error(YAML_MALFORMED, "", e.getMessage(), "Fix the YAML at the line shown.");
          readErrors.add(finding);
          readErrorLocations.put(finding, e.location());
        } catch (GitOpsRuntimeException e) {
          readErrors.add(Finding.error(FILE_UNREADABLE, "", e.getMessage(), "Give a readable values file."));
        }
      }
      GitOpsRuntimeValues values = files.isEmpty() || !readErrors.isEmpty()
          ? GitOpsRuntimeValues.builder().build() : files.get(0).values();
      if (files.size() > 1 && readErrors.isEmpty()) {
        ValuesTree merged = ValuesTree.of(values, SecretHandling.REVEAL);
        for (ParsedValues later : files.subList(1, files.size())) {
          merged = merged.overriddenBy(ValuesTree.of(later.values(), SecretHandling.REVEAL));
        }
        values = merged.toValues().values();
      }

      // An absent, null or empty name is one case: the SDK names the runtime "codefresh", and the kept blank
      // value tells the offline.names validator to say so (the chart itself has no default).
      Optional<String> givenName = values.global().runtime().name();
      String runtimeName = givenName.isPresent() && !givenName.get().isBlank()
          ? givenName.get() : RuntimeInstallation.DEFAULT_RUNTIME_NAME;
      RuntimeValues runtimeWithoutName = null;
      if (!runtimeName.equals(givenName.orElse(null))) {
        RuntimeValues runtime = values.global().runtime();
        runtimeWithoutName = runtime;
        Map<String, Object> kept = new LinkedHashMap<>(runtime.additionalValues());
        kept.putIfAbsent("name", givenName.isPresent() ? givenName.get() : ExplicitNull.INSTANCE);
        values = values.withGlobal(values.global().withRuntime(runtime.withName(runtimeName).withAdditionalValues(kept)));
      }
      List<Finding> naming = new ArrayList<>();
      NameRules.checkRuntimeName(runtimeName).ifPresent(naming::add);
      NameRules.checkNamespace(namespace).ifPresent(naming::add);
      NameRules.checkReleaseName(releaseName).ifPresent(naming::add);
      if (chartVersion != null) {
        NameRules.checkChartVersion(chartVersion).ifPresent(naming::add);
      }
      problems.addAll(naming);

      // Build with safe stand-ins for malformed names so that the other checks can still run; the
      // naming problems above are reported with the real names.
      GitOpsRuntimeValues buildable = has(naming, NameRules.RUNTIME_NAME)
          ? values.withGlobal(values.global().withRuntime(values.global().runtime().withName(RuntimeInstallation.DEFAULT_RUNTIME_NAME)))
          : values;
      RuntimeInstallation.Builder builder = RuntimeInstallation.builder().values(buildable)
          .releaseName(has(naming, NameRules.RELEASE_NAME) ? RuntimeInstallation.DEFAULT_RELEASE : releaseName)
          .namespace(has(naming, NameRules.NAMESPACE) ? RuntimeInstallation.DEFAULT_NAMESPACE : namespace)
          .chart(chart.isBlank() ? RuntimeInstallation.DEFAULT_CHART : chart);
      if (chartVersion != null && !has(naming, NameRules.CHART_VERSION)) {
        builder.chartVersion(chartVersion);
      }
      return new ValuesFiles(files, builder.build(), runtimeName, releaseName, namespace, runtimeWithoutName,
          problems, readErrors, readErrorLocations);
    }

    private static boolean has(List<Finding> findings, String ruleId) {
      for (Finding finding : findings) {
        if (finding.ruleId().equals(ruleId)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final class Stream {
    final String name;
    final InputStream in;

    Stream(String name, InputStream in) {
      this.name = name;
      this.in = in;
    }

    String readAll() {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new GitOpsRuntimeException(name + ": cannot be read (" + e.getMessage() + ").", e);
      }
    }
  }
}
