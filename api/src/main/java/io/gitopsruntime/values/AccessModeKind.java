package io.gitopsruntime.values;

/** The four ways the Codefresh platform can reach a runtime. */
public enum AccessModeKind {
  /** The tunnel client opens an outbound tunnel (the chart default). */
  TUNNEL,
  /** An Ingress with a host the platform can reach. */
  INGRESS,
  /** An explicit URL, typically a service mesh route; ingress and tunnel are off. */
  SERVICE_MESH,
  /** A Gateway API HTTPRoute attached to an existing Gateway. */
  HTTP_ROUTE
}
