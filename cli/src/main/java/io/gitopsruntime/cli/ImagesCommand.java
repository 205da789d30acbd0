package io.gitopsruntime.cli;

import io.gitopsruntime.helm.images.ImagePlace;
import io.gitopsruntime.helm.images.ImageRef;
import io.gitopsruntime.helm.images.RuntimeImages;
import io.gitopsruntime.validation.Finding;
import java.util.List;

/** {@code gitops-runtime images}: every image the installation will run, from the chart rendered for its values. */
final class ImagesCommand implements Command {
  @Override
  public String name() {
    return "images";
  }

  @Override
  public String summary() {
    return "List every image the installation will run, and where each is used.";
  }

  @Override
  public String synopsis() {
    return "images -f FILE [-f FILE]... [options]";
  }

  @Override
  public String description() {
    return "Renders the chart for the values offline (no cluster, no helm binary; an oci://, URL or repo/chart reference"
        + " is downloaded) and lists every image it will run: containers, init and ephemeral containers of every"
        + " workload, hooks, CronJobs and custom resources, and images passed as container arguments or in ConfigMaps"
        + " (argo-workflows' executor, app-proxy's image enrichment). References are normalized (docker.io/library"
        + " made explicit, digests kept), deduplicated and sorted, each with the objects and containers that use it."
        + " Exit code 0 when the chart renders, 1 otherwise.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.with(InstallerOptions.PLAIN_HTTP,
        Option.value("FORMAT", "text or json (default: text).", "-o", "--output"));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    OutputFormat output = OutputFormat.parse(arguments.value("--output", "text"));
    Input in = Input.read(InputOptions.from(arguments), io.in());
    in.throwIfUnreadable();
    List<Finding> naming = in.problems.stream().filter(f -> OfflineChecks.isNameRule(f.ruleId())).toList();
    if (!naming.isEmpty()) {
      io.err().print("The names are not valid; no image was listed:\n" + Printer.findings(naming, in));
      io.err().flush();
      return 1;
    }
    List<ImageRef> images = RuntimeImages.builder().plainHttp(arguments.has("--plain-http")).build().of(in.installation);
    io.out().print(output == OutputFormat.json ? json(images) : text(images, in));
    io.out().flush();
    return 0;
  }

  private static String text(List<ImageRef> images, Input in) {
    StringBuilder out = new StringBuilder();
    out.append(images.size()).append(images.size() == 1 ? " image" : " images").append(" of release ")
        .append(in.installation.releaseName()).append(" in namespace ").append(in.installation.namespace())
        .append(" (chart ").append(in.installation.chart())
        .append(in.installation.chartVersion().map(v -> " " + v).orElse("")).append(")\n");
    for (ImageRef image : images) {
      out.append('\n').append(image.reference()).append('\n');
      for (ImagePlace place : image.places()) {
        out.append("  ").append(place).append('\n');
      }
    }
    return out.toString();
  }

  private static String json(List<ImageRef> images) {
    return Printer.json(json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("images");
      for (ImageRef image : images) {
        json.writeStartObject();
        json.writeStringField("reference", image.reference());
        json.writeStringField("registry", image.registry());
        json.writeStringField("repository", image.repository());
        json.writeStringField("tag", image.tag().orElse(null));
        json.writeStringField("digest", image.digest().orElse(null));
        json.writeArrayFieldStart("places");
        for (ImagePlace place : image.places()) {
          json.writeStartObject();
          json.writeStringField("kind", place.kind());
          json.writeStringField("namespace", place.namespace());
          json.writeStringField("name", place.name());
          json.writeStringField("container", place.container());
          json.writeStringField("field", place.field());
          json.writeBooleanField("hook", place.hook());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }
}
