package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.SecretRefsFindings.SecretRef;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.ClusterSecrets.Problem;
import io.gitopsruntime.validators.internal.ClusterSecrets;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that every Secret the values reference exists in the release namespace, has the referenced key,
 * and that the key is not empty: the Codefresh API key ({@code global.codefresh.userToken.secretKeyRef}), the
 * Git Runtime token ({@code global.runtime.gitCredentials.password.secretKeyRef}), the platform CA
 * ({@code global.codefresh.tls.caCerts.secretKeyRef}, unless the chart creates the CA Secret), and, with
 * {@code argo-cd.enabled=false}, the external Argo CD's password or token reference (the password reference
 * defaults to the chart's {@code argocd-initial-admin-secret}/{@code password}).
 *
 * <p>Each problem is reported at its reference's values path ({@code .name} when the Secret is missing,
 * {@code .key} when the key is, the reference itself when the value is empty). References a literal overrides,
 * and incomplete references (the offline rules report those), are not checked. A value is decoded only to see
 * whether it is empty; it never appears in a finding or a log line.
 *
 * <p>Reads the cluster through the {@link KubernetesClient} attached to the context; without one, reports an
 * INFO finding saying how to run the check. Rules: {@value RuleIds#CLUSTER_SECRET_REF},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class SecretRefsValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.secrets";

  private static final SecretKeyRef ARGO_CD_DEFAULT_PASSWORD = SecretKeyRef.of("argocd-initial-admin-secret", "password");

  /** Creates the validator. */
  SecretRefsValidator() {
    super(ID, ClusterCheck.SECRETS);
  }

  /** A reference to check; {@code chartDefault} when the chart supplies it, not the values. */
  private record Ref(SecretRef what, String name, String key, boolean chartDefault) {}

  @Override
  boolean applies(ValidationContext context, Findings out) {
    return !references(context.values()).isEmpty();
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    String namespace = context.installation().namespace();
    Map<String, Optional<Secret>> secrets = new HashMap<>();
    for (Ref ref : references(context.values())) {
      Optional<Secret> secret = secrets.computeIfAbsent(ref.name(), name -> call(ClusterCall.SECRETS,
          () -> Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get())));
      Optional<Problem> problem = ClusterSecrets.keyProblem(secret.orElse(null), ref.key());
      if (problem.isEmpty()) {
        continue;
      }
      switch (problem.get()) {
        case NOT_FOUND:
          out.add(SecretRefsFindings.secretRefMissing(ref.what(), namespace, ref.name(), ref.key(), ref.chartDefault()));
          break;
        case NO_KEY:
          out.add(SecretRefsFindings.secretRefNoKey(ref.what(), namespace, ref.name(), ref.key(),
              ClusterSecrets.keys(secret.orElseThrow())));
          break;
        default:
          out.add(SecretRefsFindings.secretRefEmpty(ref.what(), namespace, ref.name(), ref.key()));
      }
    }
  }

  private static List<Ref> references(GitOpsRuntimeValues values) {
    List<Ref> refs = new ArrayList<>();
    complete(Chart.userToken(values)).ifPresent(r -> refs.add(ref(SecretRef.API_KEY, r, false)));
    complete(Chart.gitPassword(values)).ifPresent(r -> refs.add(ref(SecretRef.GIT_PASSWORD, r, false)));
    CaCertSecretValues created = values.global().codefresh().tls().caCerts().secret();
    if (!Raw.bool(created.create(), created.additionalValues(), "create",
        ChartDefaults.bool("global.codefresh.tls.caCerts.secret.create"))) {
      values.global().codefresh().tls().caCerts().secretKeyRef().filter(SecretKeyRef::isComplete)
          .ifPresent(r -> refs.add(ref(SecretRef.PLATFORM_CA, r, false)));
    }
    if (!Chart.argoCdEnabled(values)) {
      ArgoCdAuthValues auth = values.global().integrations().argoCd().server().auth();
      String type = Raw.string(auth.type(), auth.additionalValues(), "type",
          ChartDefaults.string("global.integrations.argo-cd.server.auth.type")).orElse("");
      if (type.equals("password") && auth.password().filter(p -> !p.isBlankLiteral()).isEmpty()) {
        if (auth.passwordSecretKeyRef().isPresent()) {
          auth.passwordSecretKeyRef().filter(SecretKeyRef::isComplete)
              .ifPresent(r -> refs.add(ref(SecretRef.ARGO_CD_PASSWORD, r, false)));
        } else if (!auth.additionalValues().containsKey("passwordSecretKeyRef")) {
          refs.add(ref(SecretRef.ARGO_CD_PASSWORD, ARGO_CD_DEFAULT_PASSWORD, true));
        }
      } else if (type.equals("token") && auth.token().filter(t -> !t.isBlankLiteral()).isEmpty()) {
        auth.tokenSecretKeyRef().filter(SecretKeyRef::isComplete)
            .ifPresent(r -> refs.add(ref(SecretRef.ARGO_CD_TOKEN, r, false)));
      }
    }
    return refs;
  }

  private static Optional<SecretKeyRef> complete(Optional<SecretValue> secret) {
    return secret.flatMap(SecretValue::secretKeyRef).filter(SecretKeyRef::isComplete);
  }

  private static Ref ref(SecretRef what, SecretKeyRef ref, boolean chartDefault) {
    return new Ref(what, ref.name().orElseThrow().strip(), ref.key().orElseThrow().strip(), chartDefault);
  }
}
