package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.AccessModeKind;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.HttpRouteValues;
import io.gitopsruntime.values.IngressValues;
import io.gitopsruntime.values.ParentRefValues;
import io.gitopsruntime.values.RuntimeValues;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the access mode the values select is complete and unambiguous, the way the chart's
 * templates and Codefresh's hook read it: ingress needs {@code hosts[0]}, an IngressClass and
 * {@code http}/{@code https}; HTTPRoute needs parent Gateways and host names; with ingress, HTTPRoute and
 * tunnel all off, {@code global.runtime.ingressUrl} must be an http(s) URL. It also warns about settings the
 * chart silently ignores in the selected mode. ({@code global.codefresh.accountId}, which the tunnel needs,
 * is {@link AccountIdValidator}'s job.)
 *
 * <p>Rules: {@value RuleIds#ACCESS_MODE_AMBIGUOUS}, {@value RuleIds#ACCESS_MODE_INGRESS_HOSTS},
 * {@value RuleIds#ACCESS_MODE_HOST_FORMAT}, {@value RuleIds#ACCESS_MODE_INGRESS_CLASS_NAME},
 * {@value RuleIds#ACCESS_MODE_INGRESS_PROTOCOL}, {@value RuleIds#ACCESS_MODE_HTTP_ROUTE_PARENT_REFS},
 * {@value RuleIds#ACCESS_MODE_HTTP_ROUTE_HOSTNAMES}, {@value RuleIds#ACCESS_MODE_HTTP_ROUTE_PROTOCOL},
 * {@value RuleIds#ACCESS_MODE_INGRESS_URL}, {@value RuleIds#ACCESS_MODE_INGRESS_URL_FORMAT},
 * {@value RuleIds#ACCESS_MODE_IGNORED}, {@value RuleIds#ACCESS_MODE_TUNNEL_ON_PREM}. Offline. Stateless
 * and thread-safe.
 */
final class AccessModeValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.access-mode";

  private static final String INGRESS = "global.runtime.ingress";
  private static final String ROUTE = "global.runtime.httpRoute";

  /** Creates the validator. */
  AccessModeValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    RuntimeValues runtime = values.global().runtime();
    Findings out = new Findings(ID);
    boolean ingressOn = Chart.ingressOn(values);
    boolean routeOn = Chart.httpRouteOn(values);
    AccessModeKind mode = Chart.mode(values);

    if (ingressOn && routeOn) {
      out.add(AccessModeFindings.accessModeAmbiguous());
    }
    if (ingressOn) {
      checkIngress(runtime.ingress(), out);
    }
    if (routeOn) {
      checkHttpRoute(runtime.httpRoute(), out);
    }
    Optional<String> ingressUrl =
        Chart.nonBlank(Raw.string(runtime.ingressUrl(), runtime.additionalValues(), "ingressUrl",
            ChartDefaults.string("global.runtime.ingressUrl")));
    if (mode == AccessModeKind.SERVICE_MESH) {
      checkIngressUrl(ingressUrl, out);
    } else if (ingressUrl.isPresent()) {
      out.add(AccessModeFindings.ingressUrlIgnored(mode));
    }

    if (values.tunnelClient().enabled().orElse(false) && (ingressOn || routeOn)) {
      out.add(ingressOn ? AccessModeFindings.tunnelIgnoredByIngress() : AccessModeFindings.tunnelIgnoredByHttpRoute());
    }
    if (!ingressOn && !runtime.ingress().hosts().isEmpty()) {
      out.add(AccessModeFindings.ingressSettingsIgnored());
    }
    HttpRouteValues route = runtime.httpRoute();
    if (!routeOn && (!route.parentRefs().isEmpty() || !route.hostnames().isEmpty())) {
      out.add(AccessModeFindings.httpRouteSettingsIgnored());
    }
    if (mode == AccessModeKind.TUNNEL) {
      Optional<URI> platform = Chart.platformUri(values);
      if (platform.isPresent()
          && !platform.get().getHost().equalsIgnoreCase(URI.create(ChartDefaults.string("global.codefresh.url")).getHost())) {
        out.add(AccessModeFindings.tunnelOnPrem(Chart.platformUrl(values).orElse("")));
      }
    }
    return out.list();
  }

  private static void checkIngress(IngressValues ingress, Findings out) {
    List<String> hosts = ingress.hosts();
    if (hosts.isEmpty()) {
      out.add(AccessModeFindings.ingressHostsMissing());
    } else if (hosts.get(0).isBlank()) {
      out.add(AccessModeFindings.ingressFirstHostEmpty());
    }
    for (int i = 0; i < hosts.size(); i++) {
      if (!hosts.get(i).isBlank()) {
        out.add(Hosts.check(INGRESS + ".hosts[" + i + "]", hosts.get(i), INGRESS + ".protocol", i == 0));
      }
    }
    if (Chart.nonBlank(Raw.string(ingress.className(), ingress.additionalValues(), "className",
        ChartDefaults.string("global.runtime.ingress.className"))).isEmpty()) {
      out.add(AccessModeFindings.ingressClassNameEmpty());
    }
    String protocol = protocol(INGRESS, ingress.protocol(), ingress.additionalValues());
    if (!protocol.equals("http") && !protocol.equals("https")) {
      out.add(AccessModeFindings.ingressProtocolInvalid(protocol));
    }
  }

  private static void checkHttpRoute(HttpRouteValues route, Findings out) {
    List<ParentRefValues> parents = route.parentRefs();
    if (parents.isEmpty()) {
      out.add(AccessModeFindings.httpRouteParentRefsMissing());
    }
    for (int i = 0; i < parents.size(); i++) {
      if (Chart.nonBlank(parents.get(i).name()).isEmpty()) {
        out.add(AccessModeFindings.httpRouteParentRefNameMissing(i));
      }
    }
    List<String> hostnames = route.hostnames();
    if (hostnames.isEmpty()) {
      out.add(AccessModeFindings.httpRouteHostnamesMissing());
    } else if (hostnames.get(0).isBlank()) {
      out.add(AccessModeFindings.httpRouteFirstHostnameEmpty());
    }
    for (int i = 0; i < hostnames.size(); i++) {
      if (!hostnames.get(i).isBlank()) {
        out.add(Hosts.check(ROUTE + ".hostnames[" + i + "]", hostnames.get(i), ROUTE + ".protocol", i == 0));
      }
    }
    String protocol = protocol(ROUTE, route.protocol(), route.additionalValues());
    if (!protocol.equals("http") && !protocol.equals("https")) {
      out.add(AccessModeFindings.httpRouteProtocolInvalid(protocol));
    }
  }

  private static String protocol(String node, Optional<String> typed, java.util.Map<String, Object> extra) {
    return Raw.string(typed, extra, "protocol", ChartDefaults.string(node + ".protocol")).orElse("");
  }

  private static void checkIngressUrl(Optional<String> ingressUrl, Findings out) {
    if (ingressUrl.isEmpty()) {
      out.add(AccessModeFindings.ingressUrlMissing());
      return;
    }
    String url = ingressUrl.get();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
      out.add(AccessModeFindings.ingressUrlNotHttp(url, "https://" + rest));
      return;
    }
    if (Chart.httpUri(url).isEmpty()) {
      out.add(AccessModeFindings.ingressUrlMalformed(url));
    }
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
