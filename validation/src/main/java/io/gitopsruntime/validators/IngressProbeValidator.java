package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Http;
import io.gitopsruntime.validators.internal.NetErrors;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.validators.internal.Secrets;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.IngressValues;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the ingress host the platform will use, as Codefresh's hook does: in the ingress access mode,
 * {@code HEAD <protocol>://<hosts[0]>}. Any HTTP status passes (404 and 503 included); a DNS, connection,
 * TLS or timeout failure is an error that names the host and the cause. The probe runs from this machine,
 * with the system's CAs only (like the hook), through the context's {@code OkHttpClient} if one is attached.
 *
 * <p>Skipped, with an INFO finding, when {@code global.runtime.ingress.skipValidation} or
 * {@code installer.skipValidation} is true. Does nothing in the other access modes.
 *
 * <p>Rules: {@value RuleIds#INGRESS_PROBE_SKIPPED}, {@value RuleIds#INGRESS_UNREACHABLE}. Kind
 * {@link ValidatorKind#INGRESS_PROBE}. Stateless and thread-safe.
 */
final class IngressProbeValidator implements Validator {
  /** This validator's id. */
  static final String ID = "ingress.probe";

  private static final Logger LOG = LoggerFactory.getLogger(IngressProbeValidator.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Creates the validator. */
  IngressProbeValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ValidatorKind kind() {
    return ValidatorKind.INGRESS_PROBE;
  }

  @Override
  public Optional<Duration> timeout() {
    return Optional.of(TIMEOUT);
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID).redacting(Secrets.redactor(values));
    if (!Chart.ingressOn(values)) {
      return out.list();
    }
    if (Chart.skipValidation(values)) {
      return out.add(probeSkipped(ProbeSkip.HOOK_OFF)).list();
    }
    if (Chart.skipIngressValidation(values)) {
      return out.add(probeSkipped(ProbeSkip.INGRESS_FLAG)).list();
    }
    if (context.offline()) {
      return out.add(probeSkipped(ProbeSkip.OFFLINE)).list();
    }
    IngressValues ingress = values.global().runtime().ingress();
    String protocol = Raw.string(ingress.protocol(), ingress.additionalValues(), "protocol",
        ChartDefaults.string("global.runtime.ingress.protocol")).orElse("");
    String host = ingress.hosts().isEmpty() ? "" : ingress.hosts().get(0).strip();
    // like the hook, a port after the host is probed as given (Kubernetes itself rejects it: access-mode.host-format)
    boolean usable = (protocol.equals("http") || protocol.equals("https")) && !host.isEmpty()
        && !host.contains("/") && !host.contains("*") && !host.contains("@");
    HttpUrl url = usable ? HttpUrl.parse(protocol + "://" + host) : null;
    if (url == null) {
      return out.add(probeSkipped(ProbeSkip.NO_HOST)).list();
    }
    try (Http http = Http.from(context, TIMEOUT)) {
      Request request = new Request.Builder().url(url).head().build();
      long started = System.nanoTime();
      try (Response response = http.client().newCall(request).execute()) {
        LOG.debug("HEAD {} -> HTTP {} in {} ms", url, response.code(), (System.nanoTime() - started) / 1_000_000);
      } catch (IOException e) {
        LOG.debug("HEAD {} failed after {} ms: {}", url, (System.nanoTime() - started) / 1_000_000,
            e.getClass().getSimpleName());
        out.add(ingressUnreachable(protocol + "://" + host, url.host(), url.port(), NetErrors.classify(e)));
      }
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }

  /** Why the ingress probe did not run. */
  enum ProbeSkip {
    /** installer.skipValidation. */
    HOOK_OFF("installer.skipValidation", "installer.skipValidation is true"),
    /** global.runtime.ingress.skipValidation. */
    INGRESS_FLAG("global.runtime.ingress.skipValidation", "global.runtime.ingress.skipValidation is true"),
    /** Offline run. */
    OFFLINE("", "validation runs offline"),
    /** hosts[0] unusable. */
    NO_HOST("global.runtime.ingress.hosts",
        "there is no usable host name in hosts[0] (see access-mode.ingress.hosts and access-mode.host-format)");

    private final String path;
    private final String why;

    ProbeSkip(String path, String why) {
      this.path = path;
      this.why = why;
    }
  }

  /**
   * The probe did not run.
   *
   * @param skip why
   * @return the finding
   */
  static Finding probeSkipped(ProbeSkip skip) {
    return Finding.info(INGRESS_PROBE_SKIPPED, skip.path, "The ingress host was not probed: " + skip.why + ".");
  }

  /**
   * The ingress host could not be reached.
   *
   * @param url the probed URL
   * @param host the host
   * @param port the port
   * @param failure why
   * @return the finding
   */
  static Finding ingressUnreachable(String url, String host, int port, NetErrors.Failure failure) {
    String fix;
    switch (failure.kind()) {
      case DNS:
        fix = "Create a DNS record for " + q(host) + " that points at the ingress controller's load balancer; if"
            + " the host resolves only where the platform runs, set global.runtime.ingress.skipValidation=true.";
        break;
      case CONNECT:
        fix = "Check that the ingress controller is installed and exposed on port " + port + ", and that no"
            + " firewall blocks it.";
        break;
      case TIMEOUT:
        fix = "Check that " + q(host) + " resolves to the ingress controller and that it answers on port " + port
            + ".";
        break;
      default:
        fix = failure.isTls()
            ? "Give the Ingress a certificate for " + q(host) + " signed by a public CA (Codefresh's hook and"
                + " platform trust only public CAs), or use protocol http."
            : "Check the ingress controller and retry.";
    }
    return Finding.error(INGRESS_UNREACHABLE, "global.runtime.ingress.hosts[0]",
        "HEAD " + url + " failed from this machine: " + netReason(failure, host) + "; the platform reaches the"
            + " runtime at this address, and Codefresh's validation hook fails when it cannot.",
        fix);
  }
}
