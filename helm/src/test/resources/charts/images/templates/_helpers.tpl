{{/* registry/repository:tag, with global.imageRegistry replacing the registry when set (the real chart's helper) */}}
{{- define "gitops-runtime.image" -}}
{{- $registry := .image.registry -}}
{{- if .global.imageRegistry }}{{ $registry = .global.imageRegistry }}{{ end -}}
{{- if $registry }}{{ $registry }}/{{ end }}{{ .image.repository }}:{{ .image.tag }}
{{- end -}}
