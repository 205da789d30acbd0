package io.gitopsruntime.helm.embedded.internal;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.ReleaseHistory;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.UpgradeCommand;
import io.gitopsruntime.helm.manifest.internal.ChartFetcher;
import io.gitopsruntime.helm.manifest.internal.Json;
import io.gitopsruntime.helm.manifest.internal.Renderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The helm-java calls, made inside the engine's child JVM: one request (a JSON object with an {@code op} and its
 * arguments, see {@link EngineProtocol}) in, one JSON value out. Helm's failures are thrown as helm-java throws
 * them ({@link IllegalStateException} with Helm's error, {@code ---} and the buffered log). Stateless.
 */
final class NativeHelm {
  private NativeHelm() {}

  /**
   * Runs one request.
   *
   * @param request the request
   * @return the result: a string, a map or a list, or null for a release that does not exist
   */
  static @Nullable Object call(Map<String, Object> request) {
    String op = text(request, "op");
    Optional<Path> kubeconfig = optional(request, "kubeconfig").map(Path::of);
    Optional<String> contents = optional(request, "kubeconfigContents");
    boolean plainHttp = Boolean.TRUE.equals(request.get("plainHttp"));
    switch (op) {
      case "install": {
        InstallCommand install = Helm.install(text(request, "chart")).withName(text(request, "release"))
            .withNamespace(text(request, "namespace")).withValuesFile(Path.of(text(request, "values"))).waitReady()
            .withTimeout(timeout(request)).debug();
        optional(request, "version").ifPresent(install::withVersion);
        if (Boolean.TRUE.equals(request.get("createNamespace"))) {
          install.createNamespace();
        }
        if (plainHttp) {
          install.plainHttp();
        }
        kubeconfig.ifPresent(install::withKubeConfig);
        contents.ifPresent(install::withKubeConfigContents);
        return released(install.call());
      }
      case "upgrade": {
        UpgradeCommand upgrade = Helm.upgrade(text(request, "chart")).install().withName(text(request, "release"))
            .withNamespace(text(request, "namespace")).withValuesFile(Path.of(text(request, "values"))).waitReady()
            .withTimeout(timeout(request)).debug();
        optional(request, "version").ifPresent(upgrade::withVersion);
        if (plainHttp) {
          upgrade.plainHttp();
        }
        kubeconfig.ifPresent(upgrade::withKubeConfig);
        contents.ifPresent(upgrade::withKubeConfigContents);
        return released(upgrade.call());
      }
      case "template": {
        TemplateCommand template = Helm.template(text(request, "chart")).withName(text(request, "release"))
            .withNamespace(text(request, "namespace")).withValuesFile(Path.of(text(request, "values")));
        optional(request, "version").ifPresent(template::withVersion);
        optional(request, "kubeVersion").ifPresent(template::withKubeVersion);
        if (plainHttp) {
          template.plainHttp();
        }
        return template.call();
      }
      case "showChart": {
        var show = Helm.show(text(request, "chart")).chart();
        optional(request, "version").ifPresent(show::withVersion);
        if (plainHttp) {
          show.plainHttp();
        }
        return show.call();
      }
      case "release": {
        var list = Helm.list().all().withNamespace(text(request, "namespace"));
        kubeconfig.ifPresent(list::withKubeConfig);
        contents.ifPresent(list::withKubeConfigContents);
        String name = text(request, "release");
        return list.call().stream().filter(r -> r.getName().equals(name)).findFirst()
            .map(r -> (Object) Json.object("name", r.getName(), "revision", r.getRevision(), "status", r.getStatus(),
                "chart", r.getChart()))
            .orElse(null);
      }
      case "values": {
        var get = Helm.get(text(request, "release")).values().withNamespace(text(request, "namespace"));
        kubeconfig.ifPresent(get::withKubeConfig);
        contents.ifPresent(get::withKubeConfigContents);
        return get.call();
      }
      case "history": {
        var history = Helm.history(text(request, "release")).withNamespace(text(request, "namespace"));
        kubeconfig.ifPresent(history::withKubeConfig);
        contents.ifPresent(history::withKubeConfigContents);
        List<Object> out = new ArrayList<>();
        for (ReleaseHistory h : history.call()) {
          out.add(Json.object("revision", h.getRevision(), "status", h.getStatus()));
        }
        return out;
      }
      case "uninstall": {
        var uninstall = Helm.uninstall(text(request, "release")).withNamespace(text(request, "namespace")).debug();
        if (Boolean.TRUE.equals(request.get("noHooks"))) {
          uninstall.noHooks();
        }
        kubeconfig.ifPresent(uninstall::withKubeConfig);
        contents.ifPresent(uninstall::withKubeConfigContents);
        return uninstall.call();
      }
      case "crds":
        return Renderer.crdsDirectories(new ChartFetcher(plainHttp), text(request, "chart"), optional(request, "version"),
            text(request, "release"), text(request, "namespace"), optional(request, "kubeVersion").orElse(null),
            Path.of(text(request, "values")));
      default:
        throw new IllegalArgumentException("unknown engine operation " + op);
    }
  }

  private static Map<String, Object> released(Release release) {
    return Json.object("revision", release.getRevision(), "output", release.getOutput());
  }

  private static int timeout(Map<String, Object> request) {
    Object seconds = request.get("timeoutSeconds");
    return seconds instanceof Number ? (int) Math.min(Integer.MAX_VALUE, ((Number) seconds).longValue()) : 300;
  }

  static String text(Map<String, Object> request, String key) {
    Object value = request.get(key);
    if (value == null) {
      throw new IllegalArgumentException("the engine request has no " + key);
    }
    return value.toString();
  }

  static Optional<String> optional(Map<String, Object> request, String key) {
    Object value = request.get(key);
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }
}
