package io.gitopsruntime.core;

/** Which syntax of Terraform's Helm provider an export targets. */
public enum TerraformSyntax {
  /** {@code hashicorp/helm} 3.x: {@code set = [ { name = ..., value = ... } ]} list attributes. */
  HELM_PROVIDER_3,
  /** {@code hashicorp/helm} 2.x: repeated {@code set { ... }} blocks, as on Codefresh's installation page. */
  HELM_PROVIDER_2
}
