package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the cluster user installs with cluster-admin-level rights, as the chart needs: one
 * SelfSubjectAccessReview per verb ({@code create}, {@code update}, {@code patch}, {@code delete},
 * {@code get}, {@code list}) on CustomResourceDefinitions, ClusterRoles, ClusterRoleBindings and Namespaces,
 * and one for every verb on every resource cluster-wide ({@code *}/{@code *}), which the validate-values
 * hook's ClusterRole and several runtime ClusterRoles grant, and which Kubernetes lets only a user who holds it
 * grant. The reviews run concurrently; one finding names every missing permission.
 *
 * <p>Reads the cluster through the {@link KubernetesClient} attached to the context; without one, reports an
 * INFO finding saying how to run the check. Rules: {@value RuleIds#CLUSTER_PERMISSIONS},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class PermissionsValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.permissions";

  private static final Logger LOG = LoggerFactory.getLogger(PermissionsValidator.class);
  private static final int THREADS = 6;
  private static final List<String> VERBS = List.of("create", "update", "patch", "delete", "get", "list");

  /** A resource the chart manages cluster-wide: group, plural, and how messages name it. */
  private record Resource(String group, String plural, List<String> verbs) {
    String display() {
      return group.isEmpty() || plural.equals("*") ? plural : plural + "." + group;
    }
  }

  private static final List<Resource> RESOURCES = List.of(
      new Resource("apiextensions.k8s.io", "customresourcedefinitions", VERBS),
      new Resource("rbac.authorization.k8s.io", "clusterroles", VERBS),
      new Resource("rbac.authorization.k8s.io", "clusterrolebindings", VERBS),
      new Resource("", "namespaces", VERBS),
      new Resource("*", "*", List.of("*")));

  /** Creates the validator. */
  PermissionsValidator() {
    super(ID, ClusterCheck.PERMISSIONS);
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) throws InterruptedException {
    Map<Resource, List<Future<Boolean>>> reviews = new LinkedHashMap<>();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, new DaemonThreads());
    try {
      for (Resource resource : RESOURCES) {
        List<Future<Boolean>> answers = new ArrayList<>();
        for (String verb : resource.verbs()) {
          answers.add(executor.submit(() -> allowed(client, resource, verb)));
        }
        reviews.put(resource, answers);
      }
      List<String> missing = new ArrayList<>();
      for (Map.Entry<Resource, List<Future<Boolean>>> entry : reviews.entrySet()) {
        List<String> denied = new ArrayList<>();
        for (int i = 0; i < entry.getValue().size(); i++) {
          if (!entry.getValue().get(i).get()) {
            denied.add(entry.getKey().verbs().get(i));
          }
        }
        if (!denied.isEmpty()) {
          missing.add(permission(denied, entry.getKey().display()));
        }
      }
      if (!missing.isEmpty()) {
        out.add(permissionsMissing(missing));
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof KubernetesClientException) {
        throw failed(ClusterCall.ACCESS_REVIEWS, (KubernetesClientException) cause);
      } else if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      } else {
        throw new GitOpsRuntimeException("A SelfSubjectAccessReview failed: " + cause, cause);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static boolean allowed(KubernetesClient client, Resource resource, String verb) {
    SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
        .withGroup(resource.group()).withResource(resource.plural()).withVerb(verb)
        .endResourceAttributes().endSpec().build();
    SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
    boolean allowed = answer != null && answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    LOG.debug("may {} {}: {}", verb, resource.display(), allowed);
    return allowed;
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "gitops-runtime-access-review-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * Missing verbs on a resource, for {@link #permissionsMissing}.
   *
   * @param verbs the verbs
   * @param resource the resource, such as {@code customresourcedefinitions.apiextensions.k8s.io}
   * @return for example {@code create, delete on namespaces}
   */
  static String permission(List<String> verbs, String resource) {
    if (resource.equals("*")) {
      return "every verb on every resource, cluster-wide (*/*)";
    }
    return String.join(", ", verbs) + " on " + resource;
  }

  /**
   * The user lacks permissions.
   *
   * @param missing each missing permission, worded by {@link #permission}
   * @return the finding
   */
  static Finding permissionsMissing(List<String> missing) {
    return Finding.error(CLUSTER_PERMISSIONS, "",
        "The cluster user of this check lacks permissions the installation needs: " + String.join("; ", missing)
            + ". Installing the runtime needs cluster-admin rights: Helm creates CRDs, namespaces, ClusterRoles and"
            + " ClusterRoleBindings, and Kubernetes lets a user grant only what it holds itself (the chart's"
            + " validate-values hook and several runtime ClusterRoles grant every verb on every resource).",
        "Install as a cluster admin: use a kubeconfig with the cluster-admin role, or have an admin bind it"
            + " (kubectl create clusterrolebinding gitops-runtime-installer --clusterrole=cluster-admin"
            + " --user=<user>).");
  }
}
