{{/* Labels on every chart-level object. */}}
{{- define "gitops-runtime.labels" -}}
app.kubernetes.io/part-of: codefresh-gitops-runtime
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
codefresh.io/runtime-name: {{ .Values.global.runtime.name | default "" | quote }}
{{- end -}}

{{/* Labels of one internal component: pass (dict "root" $ "name" "...") */}}
{{- define "gitops-runtime.component-labels" -}}
{{ include "gitops-runtime.labels" .root }}
app.kubernetes.io/name: {{ .name }}
codefresh.io/internal: "true"
{{- end -}}

{{/* registry/repository:tag images, honouring global.imageRegistry. */}}
{{- define "gitops-runtime.image" -}}
{{- $registry := .root.Values.global.imageRegistry | default .image.registry -}}
{{- printf "%s/%s:%s" $registry .image.repository .image.tag -}}
{{- end -}}

{{- define "gitops-runtime.installer-image" -}}
{{- printf "%s:%s" .Values.installer.image.repository (.Values.installer.image.tag | default .Chart.Version) -}}
{{- end -}}

{{/* The user token must come from a literal or a secretKeyRef. */}}
{{- define "gitops-runtime.user-token-env" -}}
{{- $token := .Values.global.codefresh.userToken -}}
{{- if and (not $token.token) (not $token.secretKeyRef) -}}
{{- fail "global.codefresh.userToken is mandatory. Set token or secretKeyRef!" -}}
{{- end -}}
- name: USER_TOKEN
  valueFrom:
    secretKeyRef:
{{- if $token.token }}
      name: codefresh-user-token
      key: token
{{- else }}
{{- if eq ($token.secretKeyRef.name | default "") "codefresh-token" }}
{{- fail "codefresh-token is a reserved name and is not allowed. Please use a different secret name" }}
{{- end }}
      name: {{ $token.secretKeyRef.name }}
      key: {{ $token.secretKeyRef.key }}
{{- end }}
      optional: true
{{- end -}}

{{/* The URL the platform reaches the runtime on, with the real chart's render-time guards. */}}
{{- define "gitops-runtime.ingress-host" -}}
{{- $runtime := .Values.global.runtime -}}
{{- $tunnel := index .Values "tunnel-client" -}}
{{- if $runtime.ingress.enabled -}}
{{- if not (has $runtime.ingress.protocol (list "http" "https")) -}}
{{- fail (printf "ERROR: Unsupported protocol %s for ingress. Only http and https supported" $runtime.ingress.protocol) -}}
{{- end -}}
{{- printf "%s://%s" $runtime.ingress.protocol (index $runtime.ingress.hosts 0) -}}
{{- else if $runtime.httpRoute.enabled -}}
{{- if not (has $runtime.httpRoute.protocol (list "http" "https")) -}}
{{- fail (printf "ERROR: Unsupported protocol %s for httpRoute. Only http and https supported" $runtime.httpRoute.protocol) -}}
{{- end -}}
{{- if not $runtime.httpRoute.parentRefs -}}
{{- fail "ERROR: global.runtime.httpRoute.parentRefs is required when httpRoute is enabled" -}}
{{- end -}}
{{- if not $runtime.httpRoute.hostnames -}}
{{- fail "ERROR: global.runtime.httpRoute.hostnames is required when httpRoute is enabled" -}}
{{- end -}}
{{- printf "%s://%s" $runtime.httpRoute.protocol (index $runtime.httpRoute.hostnames 0) -}}
{{- else if $tunnel.enabled -}}
{{- $accountId := required "global.codefresh.accountId is required for tunnel based runtime" .Values.global.codefresh.accountId -}}
{{- $name := required "global.runtime.name is required for tunnel based runtime" $runtime.name -}}
{{- printf "https://%s-%s.%s" $accountId $name $tunnel.tunnelServer.subdomainHost -}}
{{- else -}}
{{- if not $runtime.ingressUrl -}}
{{- fail "ERROR: When global.runtime.ingress.enabled and global.runtime.httpRoute.enabled are false and tunnel-client.enabled is false -  global.runtime.ingressUrl must be provided" -}}
{{- end -}}
{{- if not (hasPrefix "http" $runtime.ingressUrl) -}}
{{- fail "ERROR: Only http and https are supported for global.runtime.ingressUrl" -}}
{{- end -}}
{{- $runtime.ingressUrl -}}
{{- end -}}
{{- end -}}

{{/*
A hook Job running the installer image. Pass (dict "root" $ "name" "..." "hooks" "pre-install,pre-upgrade"
"weight" "0" "policy" "..." "backoffLimit" 0 "sa" "..." "test" .Values.testHooks.x "args" "...").
*/}}
{{- define "gitops-runtime.hook-job" -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .name }}
  labels:
    {{- include "gitops-runtime.labels" .root | nindent 4 }}
  annotations:
    helm.sh/hook: {{ .hooks }}
    helm.sh/hook-weight: {{ .weight | quote }}
    helm.sh/hook-delete-policy: {{ .policy }}
    {{- if .test.failWith }}
    test.gitopsruntime.io/fail-with: {{ .test.failWith | quote }}
    {{- else if .test.log }}
    test.gitopsruntime.io/log: {{ .test.log | quote }}
    {{- end }}
    {{- if .test.statusLate }}
    test.gitopsruntime.io/status-late: "true"
    {{- end }}
spec:
  backoffLimit: {{ .backoffLimit }}
  {{- with .test.completions }}
  completions: {{ . }}
  {{- end }}
  {{- with .test.activeDeadlineSeconds }}
  activeDeadlineSeconds: {{ . }}
  {{- end }}
  ttlSecondsAfterFinished: 300
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {{ .name }}
        {{- if .test.failWith }}
        {{- /* on a real control plane, kwok fails the pods of Jobs that carry this label */}}
        gitops-runtime.io/fail: "true"
        {{- end }}
    spec:
      {{- if .sa }}
      serviceAccountName: {{ .sa }}
      {{- end }}
      restartPolicy: Never
      {{- with .root.Values.global.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "gitops-runtime.installer-image" .root }}
          imagePullPolicy: {{ .root.Values.installer.image.pullPolicy }}
          command: ["sh", "-c"]
          args: [{{ .args | quote }}]
          env:
            - name: NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
            - name: CHART_VERSION
              value: {{ .root.Chart.Version | quote }}
          {{- if .valuesVolume }}
          volumeMounts:
            - name: customized-values
              mountPath: /job_tmp
      volumes:
        - name: customized-values
          configMap:
            name: helm-values-config
          {{- end }}
{{- end -}}
