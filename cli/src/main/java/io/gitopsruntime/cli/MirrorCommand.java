package io.gitopsruntime.cli;

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

/**
 * {@code gitops-runtime mirror}: copies every image the installation will run to a private registry, by digest, and
 * writes a lock file.
 */
final class MirrorCommand implements Command {
  @Override
  public String name() {
    return "mirror";
  }

  @Override
  public String summary() {
    return "Copy every image the installation will run to a private registry, by digest.";
  }

  @Override
  public String synopsis() {
    return "mirror --to HOST[/PREFIX] -f FILE [-f FILE]... [--lock FILE] [--plan] [options]";
  }

  @Override
  public String description() {
    return "Lists the installation's images as the images command does, then copies each, by digest and with every"
        + " platform of its index, to HOST[/PREFIX] under the name export registry-values points it at (the repository"
        + " path and tag kept, the host replaced). Blobs the target has are skipped and blobs it has in another"
        + " repository are mounted, so a second run copies only what is missing; failures that may pass (5xx, 429, a"
        + " dropped connection) are retried, and an image is reported copied only once the target has it by digest."
        + " --plan reads and checks without copying. Credentials come from docker login and helm registry login (or"
        + " --registry-config) and are never printed. Exit code 0 when every image is on the target, 1 otherwise.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.with(
        Option.value("HOST[/PREFIX]", "The private registry, such as registry.example.com/mirror (required).", "--to"),
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
    String to = arguments.value("--to").orElseThrow(() -> new UsageException("say where to mirror to: --to HOST[/PREFIX],"
        + " such as --to registry.example.com/mirror."));
    ImageMirror.Builder builder = ImageMirror.builder();
    try {
      builder.to(to);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--to " + e.getMessage());
    }
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
    Input in = Input.read(InputOptions.from(arguments), io.in());
    in.throwIfUnreadable();
    List<Finding> naming = in.problems.stream().filter(f -> OfflineChecks.isNameRule(f.ruleId())).toList();
    if (!naming.isEmpty()) {
      io.err().print("The names are not valid; no image was mirrored:\n" + Printer.findings(naming, in));
      io.err().flush();
      return 1;
    }
    List<ImageRef> images = RuntimeImages.builder().plainHttp(plainHttp).build().of(in.installation);
    ImageMirror mirror = builder.credentials(credentials).plainHttpEverywhere(plainHttp).listener(new MirrorListener() {
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
    }).build();
    MirrorReport report = plan ? mirror.plan(images) : mirror.copy(images);
    io.out().println(report.summary());
    arguments.value("--lock").ifPresent(file -> {
      MirrorLock.of(report).write(Path.of(file));
      io.out().println("lock file: " + file);
    });
    io.out().flush();
    if (!report.succeeded()) {
      io.err().println(report.with(MirroredImage.Outcome.FAILED).size() + " images are not on " + mirror.target()
          + "; run the same command again to resume: what was copied is kept.");
      io.err().flush();
      return 1;
    }
    return 0;
  }
}
