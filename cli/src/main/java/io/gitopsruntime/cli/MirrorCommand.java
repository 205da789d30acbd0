package io.gitopsruntime.cli;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.helm.images.ChartArtifact;
import io.gitopsruntime.helm.images.ImageMirror;
import io.gitopsruntime.helm.images.ImageRef;
import io.gitopsruntime.helm.images.MirrorListener;
import io.gitopsruntime.helm.images.MirrorLock;
import io.gitopsruntime.helm.images.MirrorReport;
import io.gitopsruntime.helm.images.MirroredImage;
import io.gitopsruntime.helm.images.RegistryCredentials;
import io.gitopsruntime.helm.images.RuntimeImages;
import io.gitopsruntime.validation.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code gitops-runtime mirror}: copies every image the installation will run, and its chart, to a private registry,
 * by digest, and writes a lock file; or writes them to an air-gapped bundle ({@code --to-archive}) and pushes such a
 * bundle ({@code --from-archive}).
 */
final class MirrorCommand implements Command {
  @Override
  public String name() {
    return "mirror";
  }

  @Override
  public String summary() {
    return "Copy every image the installation will run, and its chart, to a private registry or a bundle, by digest.";
  }

  @Override
  public String synopsis() {
    return "mirror (--to HOST[/PREFIX] | --to-archive FILE) -f FILE [-f FILE]... [--lock FILE] [--plan] [options]\n"
        + "       mirror --from-archive FILE --to HOST[/PREFIX] [--lock FILE] [--plan] [options]";
  }

  @Override
  public String description() {
    return "Lists the installation's images as the images command does, then copies each, by digest and with every"
        + " platform of its index, to HOST[/PREFIX] under the name export registry-values points it at (the repository"
        + " path and tag kept, the host replaced). Blobs the target has are skipped and blobs it has in another"
        + " repository are mounted, so a second run copies only what is missing; failures that may pass (5xx, 429, a"
        + " dropped connection) are retried, and an image is reported copied only once the target has it by digest."
        + " The chart goes too, as Helm's OCI chart artifact at HOST[/PREFIX]/NAME:VERSION (a chart directory is packaged"
        + " as helm package does; an oci:// chart is copied by digest). --to-archive writes all of it and the lock file"
        + " to one tar (an OCI image layout) for a network without internet; --from-archive pushes such a tar, checking"
        + " every blob's digest before pushing an image, and prints the install command."
        + " --plan reads and checks without copying. Credentials come from docker login and helm registry login (or"
        + " --registry-config) and are never printed. Exit code 0 when every image is on the target, 1 otherwise.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.with(
        Option.value("HOST[/PREFIX]", "The private registry, such as registry.example.com/mirror.", "--to"),
        Option.value("FILE", "Write the images, the chart and the lock file to this tar instead (an OCI image layout).",
            "--to-archive"),
        Option.value("FILE", "Push a tar --to-archive wrote to the --to registry; no values needed.", "--from-archive"),
        Option.value("FILE", "Write a lock file: each image's source, mirror, digest and platforms (JSON).", "--lock"),
        Option.flag("List what would be copied; copy nothing.", "--plan"),
        Option.value("N", "Images and blobs copied at once (default: 4).", "--concurrency"),
        Option.repeatable("PEM", "Also trust this CA certificate file (a private registry's own CA).", "--ca-file"),
        Option.repeatable("FILE", "Read credentials from this Docker-config-format file instead of ~/.docker/config.json"
            + " and Helm's registry config.", "--registry-config"),
        Option.repeatable("HOST", "Speak plain HTTP, not HTTPS, to this registry.", "--insecure-registry"),
        Option.flag("Speak plain HTTP to every registry, and fetch oci:// charts over it (local registries only).",
            "--plain-http"));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    Optional<String> to = arguments.value("--to");
    Optional<String> toArchive = arguments.value("--to-archive");
    Optional<String> fromArchive = arguments.value("--from-archive");
    if (to.isPresent() == toArchive.isPresent()) {
      throw new UsageException(to.isPresent() ? "--to and --to-archive exclude each other: mirror to a registry or to"
          + " an archive." : "say where to mirror to: --to HOST[/PREFIX], such as --to registry.example.com/mirror, or"
          + " --to-archive bundle.tar.");
    }
    if (fromArchive.isPresent() && to.isEmpty()) {
      throw new UsageException("--from-archive pushes to a registry: add --to HOST[/PREFIX].");
    }
    ImageMirror.Builder builder = ImageMirror.builder();
    try {
      to.ifPresent(builder::to);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--to " + e.getMessage());
    }
    toArchive.map(Path::of).ifPresent(builder::toArchive);
    String concurrency = arguments.value("--concurrency", "4");
    try {
      builder.concurrency(Integer.parseInt(concurrency));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--concurrency must be a number from 1 to 32, not \"" + concurrency + "\".");
    }
    List<String> configs = arguments.all("--registry-config");
    RegistryCredentials credentials = configs.isEmpty()
        ? RegistryCredentials.fromEnvironment(io.environment(), io.home())
        : RegistryCredentials.fromFiles(configs.stream().map(Path::of).toList());
    arguments.all("--ca-file").forEach(file -> builder.caCertificate(Path.of(file)));
    arguments.all("--insecure-registry").forEach(builder::plainHttp);
    boolean plainHttp = arguments.has("--plain-http");
    boolean plan = arguments.has("--plan");
    if (plan && arguments.has("--lock")) {
      throw new UsageException("--plan copies nothing, so it writes no lock file; drop --lock or --plan.");
    }
    ImageMirror mirror = builder.credentials(credentials).plainHttpEverywhere(plainHttp).listener(listener(io)).build();
    MirrorReport report;
    if (fromArchive.isPresent()) {
      try {
        report = plan ? mirror.planFrom(Path.of(fromArchive.get())) : mirror.copyFrom(Path.of(fromArchive.get()));
      } catch (IllegalArgumentException e) {
        io.err().println(e.getMessage());
        io.err().flush();
        return 1;
      }
    } else {
      Input in = Input.read(InputOptions.from(arguments), io.in());
      in.throwIfUnreadable();
      List<Finding> naming = in.problems.stream().filter(f -> OfflineChecks.isNameRule(f.ruleId())).toList();
      if (!naming.isEmpty()) {
        io.err().print("The names are not valid; no image was mirrored:\n" + Printer.findings(naming, in));
        io.err().flush();
        return 1;
      }
      List<ImageRef> images = RuntimeImages.builder().plainHttp(plainHttp).build().of(in.installation);
      ChartArtifact chart = ChartArtifact.of(in.installation);
      report = plan ? mirror.plan(images, chart) : mirror.copy(images, chart);
    }
    io.out().println(report.summary());
    arguments.value("--lock").ifPresent(file -> {
      MirrorLock.of(report).write(Path.of(file));
      io.out().println("lock file: " + file);
    });
    if (!plan && to.isPresent()) {
      report.chart().filter(c -> c.outcome() != MirroredImage.Outcome.FAILED)
          .ifPresent(chart -> io.out().print(installCommand(chart, mirror.target(), arguments)));
    }
    io.out().flush();
    if (report.succeeded()) {
      return 0;
    }
    int failed = report.with(MirroredImage.Outcome.FAILED).size();
    boolean one = failed == 1;
    if (toArchive.isPresent() && !plan) {
      io.err().println("No bundle was written to " + toArchive.get() + ": " + failed + (one ? " image" : " images")
          + " could not be read (FAILED above), and a bundle without " + (one ? "it" : "them") + " would fail inside"
          + " the air gap. Run the same command again once " + (one ? "it" : "they") + " can be read.");
    } else {
      io.err().println(failed + (one ? " image is not on " : " images are not on ") + mirror.target()
          + "; run the same command again to resume: what was copied is kept.");
    }
    io.err().flush();
    return 1;
  }

  /** How to install from the mirror: the chart's reference and version there, and the registry's overrides. */
  static String installCommand(MirroredImage chart, String registry, Arguments arguments) {
    String release = arguments.value("--release", RuntimeInstallation.DEFAULT_RELEASE);
    String namespace = arguments.value("--namespace", RuntimeInstallation.DEFAULT_NAMESPACE);
    String target = chart.target();
    int colon = target.lastIndexOf(':');
    String ref = "oci://" + target.substring(0, colon);
    String version = target.substring(colon + 1).replace('_', '+');
    String host = registry.contains("/") ? registry.substring(0, registry.indexOf('/')) : registry;
    boolean plain = arguments.has("--plain-http") || arguments.all("--insecure-registry").contains(host);
    String names = (release.equals(RuntimeInstallation.DEFAULT_RELEASE) ? "" : " --release " + release)
        + (namespace.equals(RuntimeInstallation.DEFAULT_NAMESPACE) ? "" : " -n " + namespace);
    return "Install from the mirror:\n"
        + "  gitops-runtime install -f values.yaml --chart " + ref + " --version " + version + " --registry " + registry
        + names + (plain ? " --plain-http" : "") + "\n"
        + "or with helm:\n"
        + "  gitops-runtime export registry-values --registry " + registry + " --chart " + ref + " --version " + version
        + " -f values.yaml" + (plain ? " --plain-http" : "") + " --output-file registry-values.yaml\n"
        + "  helm upgrade --install " + release + " " + ref + " --version " + version + " -n " + namespace
        + " -f values.yaml -f registry-values.yaml" + (plain ? " --plain-http" : "") + "\n";
  }

  private static MirrorListener listener(Io io) {
    return new MirrorListener() {
      @Override
      public void retrying(String source, String what, int attempt) {
        synchronized (io) {
          io.err().println("retrying " + what + " for " + source + " (attempt " + attempt + " failed)");
        }
      }

      @Override
      public void imageDone(MirroredImage image) {
        synchronized (io) {
          io.out().println(image);
          io.out().flush();
        }
      }
    };
  }
}
