{{- /* One line per value: its path, its Go kind and its JSON; maps and lists are walked. */ -}}
{{- define "values-echo.walk" -}}
{{- $path := index . 0 -}}
{{- $value := index . 1 -}}
{{- if and (kindIs "map" $value) (gt (len $value) 0) -}}
{{- range $key, $child := $value -}}
{{- include "values-echo.walk" (list (printf "%s.%s" $path (toJson $key)) $child) -}}
{{- end -}}
{{- else if and (kindIs "slice" $value) (gt (len $value) 0) -}}
{{- range $i, $child := $value -}}
{{- include "values-echo.walk" (list (printf "%s[%d]" $path $i) $child) -}}
{{- end -}}
{{- else }}
{{ $path }} {{ kindOf $value }} {{ toJson $value }}
{{- end -}}
{{- end -}}

{{- /* The env block as the real chart renders it: strings, ints, float64s and valueFrom maps only. */ -}}
{{- define "values-echo.env" -}}
{{- range $name, $value := . }}
{{- if or (kindIs "string" $value) (kindIs "int" $value) (kindIs "float64" $value) }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- else if kindIs "map" $value }}
{{- if not (hasKey $value "valueFrom") }}
{{- fail "ERROR: Cannot generate environment variables only strings and valueFrom are supported" }}
{{- end }}
- name: {{ $name }}
  valueFrom: {{- toYaml $value.valueFrom | nindent 4 }}
{{- else }}
{{- fail "ERROR: Only maps and string are supported for environment variables" }}
{{- end }}
{{- end }}
{{- end -}}
