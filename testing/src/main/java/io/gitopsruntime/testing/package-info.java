/**
 * Test support for code that uses gitops-runtime: an in-process Kubernetes API
 * ({@link io.gitopsruntime.testing.KubernetesTestServer}) with server-side apply, discovery, simulated
 * controllers and fault injection; a JUnit 5 extension ({@link io.gitopsruntime.testing.KubernetesTest});
 * a chart shaped like the real {@code gitops-runtime} chart ({@link io.gitopsruntime.testing.TestChart});
 * and a local OCI registry for {@code oci://} chart references
 * ({@link io.gitopsruntime.testing.OciRegistry}). For the claims that matter, tests run against a real control
 * plane instead: {@link io.gitopsruntime.testing.cluster.RealControlPlane}.
 *
 * <h2>Where the in-process server differs from a real API server</h2>
 * It is an imitation for fast tests; these are its known differences (the {@code *OnRealClusterIT} tests run the
 * same installers against the real thing):
 * <ul>
 *   <li>API defaults: only {@code spec.replicas} (Deployments, StatefulSets, ReplicaSets) and a Service's
 *       {@code clusterIP} and {@code type} are defaulted; a real server defaults many more fields (pod
 *       templates' {@code restartPolicy}, {@code dnsPolicy}, ports' {@code protocol}, ...).</li>
 *   <li>No authentication, admission or RBAC: every request is allowed; {@code SelfSubjectAccessReview}
 *       answers allowed or denied for everything, as the test sets it.</li>
 *   <li>No schema validation or pruning of custom resources, and no immutable-field checks (a real server refuses
 *       to change a Job's template or a Service's {@code clusterIP}).</li>
 *   <li>Server-side apply merges maps and replaces lists; it does not know list-map keys
 *       ({@code x-kubernetes-list-type: map}) beyond what the installers send, nor strategic-merge directives.</li>
 *   <li>Controllers are simulated: workloads become ready after a fixed delay, Jobs succeed or fail by
 *       annotation, and a Job's status records its Pod's end at once (a real Job controller batches a Pod's
 *       updates for up to a second; {@code STATUS_LATE_ANNOTATION} holds the status back instead); there is no
 *       scheduler; garbage collection covers only a Job's Pods and a Deployment's
 *       ReplicaSets, at once (a real one works in the background, after the owner is gone); a namespace's
 *       contents go at once, without the {@code Terminating} phase.</li>
 *   <li>Pod logs exist (a real control plane without a kubelet has none); watches are delivered by fabric8's
 *       CRUD store, without bookmarks.</li>
 * </ul>
 */
@NullMarked
package io.gitopsruntime.testing;

import org.jspecify.annotations.NullMarked;
