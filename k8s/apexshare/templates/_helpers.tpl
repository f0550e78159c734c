{{/*
Names and labels. Every per-service template is called with a context dict:
  root: the chart's top-level context, key: the key under .Values.services (upload, catalog, ...), svc: its values.
*/}}

{{- define "apexshare.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "apexshare.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of one service's objects, e.g. apexshare-upload-service. */}}
{{- define "apexshare.serviceName" -}}
{{- printf "%s-%s" (include "apexshare.fullname" .root) .svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "apexshare.commonLabels" -}}
helm.sh/chart: {{ include "apexshare.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: apexshare
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "apexshare.labels" -}}
{{ include "apexshare.commonLabels" .root }}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/component: {{ .key }}
{{- end -}}

{{- define "apexshare.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "apexshare.serviceAccountName" -}}
{{- if .svc.serviceAccount.create -}}
{{- default (include "apexshare.serviceName" .) .svc.serviceAccount.name -}}
{{- else -}}
{{- default "default" .svc.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "apexshare.image" -}}
{{- $tag := .svc.image.tag | default .root.Values.global.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s:%s" .root.Values.global.image.registry .svc.image.repository $tag -}}
{{- end -}}

{{/*
Plain (non-secret) environment of one service, as a YAML map: the ConfigMap's data. Only variables the service's
application.yaml reads; deploy-tests checks that.
*/}}
{{/* Logs and traces, the same for every service and the gateway (Spring Boot's own settings as variables). */}}
{{- define "apexshare.observabilityEnv" -}}
{{- $v := .Values -}}
{{- with $v.logging.structuredFormat }}
LOGGING_STRUCTURED_FORMAT_CONSOLE: {{ . | quote }}
{{- end }}
MANAGEMENT_TRACING_SAMPLING_PROBABILITY: {{ $v.tracing.samplingProbability | toString | quote }}
{{- with $v.tracing.otlpEndpoint }}
MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "apexshare.configEnv" -}}
{{- $v := .root.Values -}}
KAFKA_BOOTSTRAP_SERVERS: {{ required "kafka.bootstrapServers is required" $v.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ $v.kafka.securityProtocol | quote }}
{{- if $v.kafka.sasl.mechanism }}
KAFKA_SASL_MECHANISM: {{ $v.kafka.sasl.mechanism | quote }}
{{- if eq $v.kafka.sasl.mechanism "PLAIN" }}
KAFKA_SASL_LOGIN_MODULE: org.apache.kafka.common.security.plain.PlainLoginModule
{{- end }}
KAFKA_USERNAME: {{ required "services.<name>.kafka.user is required with a SASL mechanism" .svc.kafka.user | quote }}
{{- end }}
{{ .svc.kafka.consumerGroupEnv }}: {{ .svc.kafka.consumerGroup | quote }}
{{ include "apexshare.observabilityEnv" .root }}
{{- if .svc.features.database }}
{{- $params := ternary (printf "?%s" $v.database.parameters) "" (ne $v.database.parameters "") }}
DB_URL: {{ printf "jdbc:postgresql://%s:%v/%s%s" (required "database.host is required" $v.database.host) $v.database.port .svc.database.name $params | quote }}
DB_SCHEMA: {{ .svc.database.schema | quote }}
{{- end }}
{{- if .svc.features.s3 }}
S3_BUCKET: {{ required "s3.bucket is required" $v.s3.bucket | quote }}
S3_REGION: {{ required "s3.region is required" $v.s3.region | quote }}
S3_PATH_STYLE_ACCESS: {{ $v.s3.pathStyleAccess | quote }}
{{- if $v.s3.endpoint }}
S3_ENDPOINT: {{ $v.s3.endpoint | quote }}
{{- end }}
{{- end }}
{{- if .svc.features.oidc }}
OIDC_ISSUER_URI: {{ required "oidc.issuerUri is required" $v.oidc.issuerUri | quote }}
OIDC_JWK_SET_URI: {{ required "oidc.jwkSetUri is required (the issuer's JWKS URL)" $v.oidc.jwkSetUri | quote }}
OIDC_AUDIENCE: {{ $v.oidc.audience | quote }}
{{- with $v.oidc.audienceClaims }}
OIDC_AUDIENCE_CLAIMS: {{ . | quote }}
{{- end }}
{{- with $v.oidc.trainerClaim }}
OIDC_TRAINER_CLAIM: {{ . | quote }}
{{- end }}
{{- with $v.oidc.trainerValue }}
OIDC_TRAINER_VALUE: {{ . | quote }}
{{- end }}
{{- end }}
{{- if include "apexshare.cloudfrontEnabled" .svc }}
DOWNLOAD_CLOUDFRONT_ENABLED: "true"
DOWNLOAD_CLOUDFRONT_DOMAIN: {{ required "services.download.cloudfront.domain is required with CloudFront (cdk output DistributionDomainName)" .svc.cloudfront.domain | quote }}
DOWNLOAD_CLOUDFRONT_KEY_PAIR_ID: {{ required "services.download.cloudfront.keyPairId is required with CloudFront (cdk output PublicKeyId)" .svc.cloudfront.keyPairId | quote }}
DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE: {{ include "apexshare.cloudfrontKeyFile" . | quote }}
{{- end }}
{{- range $name, $value := .svc.env }}
{{ $name }}: {{ tpl (toString $value) $.root | quote }}
{{- end }}
{{- end -}}

{{/*
CloudFront signing of download-service (services.download.cloudfront): "true" when on, else empty. The private key is
a file from an existing Secret, mounted read-only at the path below.
*/}}
{{- define "apexshare.cloudfrontEnabled" -}}
{{- if dig "cloudfront" "enabled" false . -}}true{{- end -}}
{{- end -}}

{{- define "apexshare.cloudfrontKeyDir" -}}/etc/apexshare/cloudfront{{- end -}}

{{- define "apexshare.cloudfrontKeyFile" -}}
{{- printf "%s/%s" (include "apexshare.cloudfrontKeyDir" .) .svc.cloudfront.privateKeyKey -}}
{{- end -}}

{{/* Environment variables from existing Secrets (secretKeyRef only; the chart never holds a secret value). */}}
{{- define "apexshare.secretEnv" -}}
{{- $v := .root.Values -}}
{{- if .svc.features.database }}
- name: DB_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "services.<name>.database.existingSecret is required" .svc.database.existingSecret }}
      key: {{ .svc.database.usernameKey }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .svc.database.existingSecret }}
      key: {{ .svc.database.passwordKey }}
{{- end }}
{{- if and .svc.features.s3 $v.s3.credentials.existingSecret }}
- name: S3_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $v.s3.credentials.existingSecret }}
      key: {{ $v.s3.credentials.accessKeyKey }}
- name: S3_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $v.s3.credentials.existingSecret }}
      key: {{ $v.s3.credentials.secretKeyKey }}
{{- end }}
{{- if $v.kafka.sasl.mechanism }}
- name: KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "services.<name>.kafka.existingSecret is required with a SASL mechanism" .svc.kafka.existingSecret }}
      key: {{ .svc.kafka.passwordKey }}
{{- end }}
{{- range .svc.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{/*
The gateway. Its templates use the same context dict as the services' (root, key "gateway", svc = .Values.gateway),
so names, labels, the service account and the image come from the helpers above.
*/}}

{{/* The in-cluster base URI of one service, e.g. http://apexshare-upload-service:8081 (what the gateway routes to). */}}
{{- define "apexshare.serviceUri" -}}
{{- $svc := index .root.Values.services .key -}}
{{- printf "http://%s:%v" (include "apexshare.serviceName" (dict "root" .root "key" .key "svc" $svc)) $svc.port -}}
{{- end -}}

{{/*
The origins the web app reaches directly: gateway.cspExtraOrigins, else the bucket's origin and, with CloudFront
downloads, the distribution's.
*/}}
{{- define "apexshare.cspExtraOrigins" -}}
{{- $v := .Values -}}
{{- if $v.gateway.cspExtraOrigins -}}
{{- $v.gateway.cspExtraOrigins -}}
{{- else if $v.s3.endpoint -}}
{{- $u := urlParse $v.s3.endpoint -}}
{{- printf "%s://%s" $u.scheme $u.host -}}
{{- else -}}
{{- printf "https://%s.s3.%s.amazonaws.com" $v.s3.bucket $v.s3.region -}}
{{- end -}}
{{- $download := $v.services.download -}}
{{- if and (not $v.gateway.cspExtraOrigins) $download.enabled (include "apexshare.cloudfrontEnabled" $download) -}}
{{- printf ",https://%s" $download.cloudfront.domain -}}
{{- end -}}
{{- end -}}

{{/*
The gateway's plain environment (its ConfigMap's data). Only variables gateway/src/main/resources/application.yaml
reads; deploy-tests checks that.
*/}}
{{- define "apexshare.gatewayConfigEnv" -}}
{{- $v := .root.Values -}}
{{- $g := $v.gateway -}}
MANAGEMENT_PORT: {{ $g.managementPort | quote }}
{{ include "apexshare.observabilityEnv" .root }}
{{- range $key := list "upload" "catalog" "notification" "download" }}
{{- if (index $v.services $key).enabled }}
GATEWAY_{{ upper $key }}_URI: {{ include "apexshare.serviceUri" (dict "root" $.root "key" $key) | quote }}
{{- end }}
{{- end }}
OIDC_ISSUER_URI: {{ required "oidc.issuerUri is required" $v.oidc.issuerUri | quote }}
GATEWAY_CLIENT_ID: {{ required "gateway.oidc.clientId is required" $g.oidc.clientId | quote }}
GATEWAY_CLIENT_AUTH_METHOD: {{ $g.oidc.clientAuthMethod | quote }}
GATEWAY_SCOPES: {{ $g.oidc.scopes | quote }}
GATEWAY_ROLES_CLAIM: {{ $g.oidc.rolesClaim | quote }}
{{- $params := ternary (printf "?%s" $v.database.parameters) "" (ne $v.database.parameters "") }}
DB_URL: {{ printf "jdbc:postgresql://%s:%v/%s%s" (required "database.host is required" $v.database.host) $v.database.port $g.database.name $params | quote }}
DB_SCHEMA: {{ $g.database.schema | quote }}
GATEWAY_SECURE_COOKIES: {{ $g.secureCookies | quote }}
GATEWAY_TRUSTED_PROXIES: {{ required "gateway.trustedProxies is required (the ingress controller's pods)" $g.trustedProxies | quote }}
GATEWAY_CSP_EXTRA_ORIGINS: {{ include "apexshare.cspExtraOrigins" .root | quote }}
{{- range $name, $value := $g.env }}
{{ $name }}: {{ tpl (toString $value) $.root | quote }}
{{- end }}
{{- end -}}

{{/* The gateway's variables from existing Secrets. */}}
{{- define "apexshare.gatewaySecretEnv" -}}
{{- $g := .root.Values.gateway -}}
- name: GATEWAY_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required "gateway.oidc.existingSecret is required (the OIDC client secret)" $g.oidc.existingSecret }}
      key: {{ $g.oidc.clientSecretKey }}
- name: DB_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "gateway.database.existingSecret is required" $g.database.existingSecret }}
      key: {{ $g.database.usernameKey }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $g.database.existingSecret }}
      key: {{ $g.database.passwordKey }}
{{- range $g.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{/*
The ACLs of the release as lines "<principal> <TOPIC|GROUP|CLUSTER> <LITERAL|PREFIXED> <name> <Operation,...>", sorted,
one per principal and resource: exactly what com.apexshare.events.access.KafkaAcls renders for the same users and
groups (deploy-tests compares them). Services: Write on the topics they produce (IdempotentWrite on the cluster: their
producers are idempotent), Read on the topics they consume and on their group, Write on their dead-letter topics. The
topics Job: Create/Describe/Alter/DescribeConfigs/AlterConfigs on apexshare.* topics. The S3 bridge: Write on the raw
notifications topic. Analytics: Read on the event topics and on groups of its prefix.
*/}}
{{- define "apexshare.kafkaAcls" -}}
{{- $v := .Values -}}
{{- $acls := dict -}}
{{- range $key, $svc := $v.services }}
{{- if $svc.enabled }}
{{- $p := printf "User:%s" (required "services.<name>.kafka.user is required for the ACLs" $svc.kafka.user) }}
{{- range $svc.kafka.produces }}
{{- $k := printf "%s TOPIC LITERAL %s" $p . }}
{{- $_ := set $acls $k (append (get $acls $k | default list) "Write") }}
{{- end }}
{{- if $svc.kafka.produces }}
{{- $k := printf "%s CLUSTER LITERAL kafka-cluster" $p }}
{{- $_ := set $acls $k (append (get $acls $k | default list) "IdempotentWrite") }}
{{- end }}
{{- if $svc.kafka.consumes }}
{{- $k := printf "%s GROUP LITERAL %s" $p $svc.kafka.consumerGroup }}
{{- $_ := set $acls $k (append (get $acls $k | default list) "Read") }}
{{- end }}
{{- range $svc.kafka.consumes }}
{{- $k := printf "%s TOPIC LITERAL %s" $p . }}
{{- $_ := set $acls $k (append (get $acls $k | default list) "Read") }}
{{- $d := printf "%s TOPIC LITERAL %s.%s.dlt" $p . $svc.kafka.consumerGroup }}
{{- $_ := set $acls $d (append (get $acls $d | default list) "Write") }}
{{- end }}
{{- end }}
{{- end }}
{{- $_ := set $acls (printf "User:%s TOPIC PREFIXED apexshare." $v.topics.kafka.user) (list "Create" "Describe" "Alter" "DescribeConfigs" "AlterConfigs") }}
{{- with $v.kafka.acls.s3Bridge }}
{{- $_ := set $acls (printf "User:%s TOPIC LITERAL %s" .user $v.topics.rawNotifications) (list "Write") }}
{{- end }}
{{- with $v.kafka.acls.analytics }}
{{- $a := . }}
{{- range $v.topics.events }}
{{- $_ := set $acls (printf "User:%s TOPIC LITERAL %s" $a.user .) (list "Read") }}
{{- end }}
{{- $_ := set $acls (printf "User:%s GROUP PREFIXED %s" $a.user $a.groupPrefix) (list "Read") }}
{{- end }}
{{- range $k := keys $acls | sortAlpha }}
{{ $k }} {{ get $acls $k | uniq | sortAlpha | join "," }}
{{- end }}
{{- end -}}

{{/*
The client settings of a Job's Kafka tools (kafka-topics.sh, kafka-acls.sh, kafka-configs.sh): written by its script to
$config from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG (the admin's line) or
KAFKA_USERNAME / KAFKA_PASSWORD (its own user).
*/}}
{{- define "apexshare.kafkaToolConfig" -}}
config=/tmp/client.properties
echo "security.protocol=${KAFKA_SECURITY_PROTOCOL}" > "$config"
if [ -n "${KAFKA_SASL_MECHANISM}" ]; then
  echo "sasl.mechanism=${KAFKA_SASL_MECHANISM}" >> "$config"
  if [ -n "${KAFKA_SASL_JAAS_CONFIG:-}" ]; then
    echo "sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}" >> "$config"
  else
    case "${KAFKA_SASL_MECHANISM}" in
      PLAIN) module=org.apache.kafka.common.security.plain.PlainLoginModule ;;
      *) module=org.apache.kafka.common.security.scram.ScramLoginModule ;;
    esac
    echo "sasl.jaas.config=${module} required username=\"${KAFKA_USERNAME}\" password=\"${KAFKA_PASSWORD}\";" >> "$config"
  fi
fi
kafka() { "/opt/kafka/bin/$1" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$config" "${@:2}"; }
{{- end -}}
