variable "codefresh_api_key" {
  description = "Codefresh API key (global.codefresh.userToken.token)"
  type        = string
  sensitive   = true
}

variable "codefresh_ca_bundle" {
  description = "CA bundle of the Codefresh platform (global.codefresh.tls.caCerts.secret.content)"
  type        = string
  sensitive   = true
}

variable "git_runtime_token" {
  description = "Git Runtime token (global.runtime.gitCredentials.password.value)"
  type        = string
  sensitive   = true
}

resource "helm_release" "release_1st_runtime" {
  name             = "1st-runtime"
  repository       = "https://charts.example.com/stable"
  chart            = "gitops-runtime"
  namespace        = "team-a"
  version          = "0.30.1-rc.1"
  create_namespace = true

  values = [
    <<-EOT
    global:
      tolerations:
        - tolerationSeconds: 300
    app-proxy:
      replicaCount: 2
    extra:
      emptyList: []
      ratio: 0.5
      objects:
        - tags: []
    EOT
  ]

  set = [
    {
      name  = "global.codefresh.accountId"
      value = "628a80b693a15c0f9c13ab75"
    },
    {
      name  = "global.runtime.name"
      value = "prod-eu"
    },
    {
      name  = "global.codefresh.tls.caCerts.secret.create"
      value = "true"
    },
    {
      name  = "global.runtime.gitCredentials.username"
      value = "x-token"
    },
    {
      name  = "global.tolerations[0].key"
      value = "dedicated"
    },
    {
      name  = "global.tolerations[0].operator"
      value = "Exists"
    },
    {
      name  = "global.noProxy"
      value = "localhost\\,127.0.0.1"
    },
    {
      name  = "app-proxy.config.skipGitPermissionValidation"
      value = "true"
      type  = "string"
    },
    {
      name  = "extra.deleted"
      value = "null"
    },
    {
      name  = "extra.looksFalse"
      value = "False"
      type  = "string"
    },
    {
      name  = "extra.zero"
      value = "0"
      type  = "string"
    },
    {
      name  = "extra.leadingZero"
      value = "007"
    },
    {
      name  = "extra.braces"
      value = "\\{a\\,b}"
    },
    {
      name  = "extra.quoted"
      value = "say \"hi\"\\, it's me"
    },
    {
      name  = "extra.backslash"
      value = "C:\\\\path\\\\to"
    },
    {
      name  = "extra.template"
      value = "$${HOME} and %%{x}"
    },
    {
      name  = "extra.newline"
      value = "two\nlines"
    },
    {
      name  = "extra.empty"
      value = ""
    },
    {
      name  = "extra.list[0]"
      value = "a\\,b"
    },
    {
      name  = "extra.list[1]"
      value = "c"
    },
    {
      name  = "extra.objects[0].name"
      value = "x"
    },
  ]

  set_sensitive = [
    {
      name  = "global.codefresh.userToken.token"
      value = replace(replace(var.codefresh_api_key, "\\", "\\\\"), ",", "\\,")
      type  = "string"
    },
    {
      name  = "global.codefresh.tls.caCerts.secret.content"
      value = replace(replace(var.codefresh_ca_bundle, "\\", "\\\\"), ",", "\\,")
      type  = "string"
    },
    {
      name  = "global.runtime.gitCredentials.password.value"
      value = replace(replace(var.git_runtime_token, "\\", "\\\\"), ",", "\\,")
      type  = "string"
    },
  ]
}
