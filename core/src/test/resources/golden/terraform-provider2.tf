variable "codefresh_api_key" {
  description = "Codefresh API key (global.codefresh.userToken.token)"
  type        = string
  sensitive   = true
}

resource "helm_release" "cf_gitops_runtime" {
  name             = "cf-gitops-runtime"
  repository       = "oci://quay.io/codefresh"
  chart            = "gitops-runtime"
  namespace        = "codefresh"
  create_namespace = true

  set {
    name  = "global.codefresh.accountId"
    value = "628a80b693a15c0f9c13ab75"
  }

  set {
    name  = "global.runtime.name"
    value = "prod-eu"
  }

  set_sensitive {
    name  = "global.codefresh.userToken.token"
    value = replace(replace(var.codefresh_api_key, "\\", "\\\\"), ",", "\\,")
    type  = "string"
  }
}
