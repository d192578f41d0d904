# shellcheck shell=bash
# Shared by scripts/bench-coldstart and scripts/bench-cost (sourced; run from the repository root, with set -euo pipefail):
# class paths, the harness (scripts/lib/coldstart/*.java) compiled, DynamoDB Local with the tables of
# shared/template.yaml on PORT and the authorizer's JWKS on a loopback port, the functions' settings exported, the
# data made through the real handlers (and the authorizer's tenant, client and token).
# Sets: work (a temporary directory removed on exit), layer (the layer's jars, ':'-terminated), local_cp, sdk_version,
# harness_cp (the harness and the local CRaC as jars, ':'-terminated).
coldstart_setup() {
  local port=$1
  root=$(pwd)
  for f in shared/target/shared-layer.zip local/target/local.jar partner/target/partner.jar contract/target/contract.jar \
           catalog/target/catalog.jar order/target/order.jar transaction/target/transaction.jar authz/target/authz-authorizer.zip; do
    [[ -f "$f" ]] || { echo "$0: $f is missing (run mvn -B package -DskipTests first)" >&2; exit 1; }
  done
  work=$(mktemp -d)
  serve_pid=""
  cleanup() {
    exec 3>&- 2>/dev/null || true
    if [[ -n "$serve_pid" ]]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    [[ -n "${BENCH_KEEP_WORK:-}" ]] || rm -rf "$work"
  }
  trap cleanup EXIT

  echo "$(basename "$0"): class paths"
  mvn -B -q -o dependency:build-classpath -pl local -Dmdep.outputFile="$work/local.cp" >/dev/null
  sdk_version=$(sed -nE 's|.*<aws.sdk.version>(.*)</aws.sdk.version>.*|\1|p' pom.xml)
  mkdir -p "$work/naive"
  printf '%s\n' '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>' \
    '<groupId>bench</groupId><artifactId>naive</artifactId><version>1</version><dependencies><dependency>' \
    "<groupId>software.amazon.awssdk</groupId><artifactId>apache-client</artifactId><version>$sdk_version</version>" \
    '</dependency></dependencies></project>' > "$work/naive/pom.xml"
  mvn -B -q dependency:build-classpath -f "$work/naive/pom.xml" -Dmdep.outputFile="$work/apache.cp" >/dev/null
  (cd "$work" && mkdir -p layer crac && cd layer && unzip -q "$root/shared/target/shared-layer.zip")
  (cd "$work/crac" && unzip -q "$root/local/target/local.jar" 'io/atrium/local/lambda/crac/*')
  layer=$(ls "$work"/layer/java/lib/*.jar | tr '\n' ':')
  local_cp="$root/local/target/local.jar:$(cat "$work/local.cp")"
  javac -nowarn -d "$work/classes" -cp "$layer$local_cp:$(cat "$work/apache.cp")" scripts/lib/coldstart/*.java
  # the measured JVMs take the harness and the local CRaC as jars: a class-data archive (AppCDS) takes only jars
  (cd "$work/classes" && jar cf "$work/harness.jar" .)
  (cd "$work/crac" && jar cf "$work/crac.jar" .)
  harness_cp="$work/harness.jar:$work/crac.jar:"

  echo "$(basename "$0"): DynamoDB Local on 127.0.0.1:$port, data through the handlers"
  mkfifo "$work/serve.in"
  java -cp "$work/classes:$local_cp" Serve "$root" "$work" "$port" < "$work/serve.in" > "$work/serve.log" 2>&1 &
  serve_pid=$!
  exec 3>"$work/serve.in"
  for _ in $(seq 1 900); do [[ -f "$work/env" ]] && break; sleep 0.2; done
  [[ -f "$work/env" ]] || { cat "$work/serve.log" >&2; echo "$(basename "$0"): DynamoDB Local did not start" >&2; exit 1; }
  set -a
  # shellcheck disable=SC1091
  source "$work/env"
  set +a
  export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
  export PAGINATION_KEY=bench-pagination-key-0123456789 SERVICE_NAME=bench TZ=UTC
  # the authorizer's settings besides ISSUER and JWKS_URL (from Serve): the tiers' API keys, the admin client
  export BASIC_API_KEY=bench-basic-key STANDARD_API_KEY=bench-standard-key PREMIUM_API_KEY=bench-premium-key \
    ADMIN_CLIENT_ID=benchadminclient00000000
  local jars="" m
  for m in partner contract catalog order transaction; do jars+="$root/$m/target/$m.jar:"; done
  java -cp "$work/classes:$layer$jars" Seed "$root" "$work" > "$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
}
