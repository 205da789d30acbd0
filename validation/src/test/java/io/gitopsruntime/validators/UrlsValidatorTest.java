package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UrlsValidatorTest {
  private static final String ID = UrlsValidator.ID;
  private final UrlsValidator validator = new UrlsValidator();

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  @Nested
  class Valid {
    @Test
    void acceptsTheChartDefaultPlatformUrl() throws Exception {
      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void acceptsAnOnPremisesHttpsUrlAndProxiesWithNoProxy() throws Exception {
      assertThat(run(v -> {
        GitOpsRuntimeValues onPrem = codefresh(v, c -> c.withUrl("https://codefresh.example.com:8443/"));
        return onPrem.withGlobal(onPrem.global().withHttpsProxy("proxy.example.com:3128")
            .withHttpProxy("http://user:pw@proxy.example.com:3128").withNoProxy("localhost,.svc,.cluster.local"));
      })).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsAnEmptiedPlatformUrl() throws Exception {
      assertThat(run(v -> codefresh(v, c -> c.withAdditionalValues(Map.of("url", ""))))).containsExactly(
          error(ID, "platform-url.format", "global.codefresh.url",
              "The platform URL is empty: the runtime and Codefresh's validation hook need it to reach the platform.",
              "Remove global.codefresh.url to use the Codefresh SaaS (https://g.codefresh.io), or set your"
                  + " platform's URL."));
    }

    @Test
    void rejectsAPlatformUrlWithoutScheme() throws Exception {
      assertThat(run(v -> codefresh(v, c -> c.withUrl("codefresh.example.com")))).containsExactly(
          error(ID, "platform-url.format", "global.codefresh.url",
              "\"codefresh.example.com\" is not an absolute http or https URL: the runtime and Codefresh's validation"
                  + " hook call the platform's API at <url>/2.0/api/graphql.",
              "Use for example \"https://codefresh.example.com\"."));
    }

    @Test
    void warnsAboutPlainHttp() throws Exception {
      assertThat(run(v -> codefresh(v, c -> c.withUrl("http://codefresh.example.com")))).containsExactly(
          warning(ID, "platform-url.insecure", "global.codefresh.url",
              "The platform URL \"http://codefresh.example.com\" uses plain http: the Codefresh API key and the"
                  + " runtime token travel unencrypted.",
              "Use https, with global.codefresh.tls.caCerts for a private CA."));
    }

    @Test
    void rejectsABadProxyWithoutQuotingItsCredentialsAndWarnsAboutNoProxy() throws Exception {
      List<Finding> findings = run(v -> v.withGlobal(v.global().withHttpsProxy("ftp://bob:s3cr3t@proxy:21")));

      assertThat(findings).containsExactly(
          error(ID, "proxy.format", "global.httpsProxy",
              "\"ftp://****@proxy:21\" is not a proxy URL: the chart passes it to the runtime as HTTPS_PROXY, and"
                  + " its clients cannot connect through it.",
              "Use for example \"http://proxy.example.com:3128\"."),
          warning(ID, "proxy.no-proxy", "global.noProxy",
              "A proxy is set but global.noProxy is empty: the runtime's calls inside the cluster (Argo CD, Argo"
                  + " Workflows, the Kubernetes API) would go through the proxy too.",
              "Set global.noProxy, for example \"localhost,127.0.0.1,.svc,.cluster.local,kubernetes.default.svc\""
                  + " plus your cluster's service and pod address ranges."));
      assertThat(findings.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void warnsAboutNoProxyEntriesWithAScheme() throws Exception {
      assertThat(run(v -> v.withGlobal(v.global().withNoProxy("localhost, https://git.example.com/x"))))
          .containsExactly(warning(ID, "proxy.format", "global.noProxy",
              "NO_PROXY entry \"https://git.example.com/x\" has a scheme: NO_PROXY lists host names, domains and IP"
                  + " ranges, so this entry matches nothing.",
              "Use \"git.example.com\"."));
    }
  }
}
