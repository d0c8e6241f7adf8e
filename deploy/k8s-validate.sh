#!/usr/bin/env bash
# Renders every kustomize overlay and checks it, without a cluster: kubectl kustomize (base, dev, prod with the
# example secrets), the Kubernetes / KEDA / prometheus-operator schemas (deploy/k8s/schema-check), the
# PrometheusRule against the rule files it is generated from, and the rule files with promtool (check + unit tests),
# the Grafana dashboards against @grafana/schema (deploy/grafana/schema-check) and their ConfigMap against them.
# Rendered output lands in target/k8s/. Installs promtool (Debian's prometheus) and the npm packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { # command, how to get it
  command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is missing: $2" >&2; exit 1; }
}
if ! command -v promtool >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing promtool (Debian's prometheus package)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null
fi
need kubectl "install kubectl 1.27 or later (its built-in kustomize renders the overlays)"
need promtool "apt-get install prometheus (Debian), or take promtool from a Prometheus release"
need node "install Node.js 18 or later (and npm)"
need npm "install npm"

out=target/k8s
rm -rf "$out"
mkdir -p "$out"
failures=0
passes=0
check() { # description, command...
  local description=$1
  shift
  if "$@" >"$out/last.log" 2>&1; then
    echo "ok   $description"
    passes=$((passes + 1))
  else
    echo "FAIL $description"
    sed 's/^/     /' "$out/last.log"
    failures=$((failures + 1))
  fi
}

check "promtool check rules deploy/prometheus/rules" promtool check rules deploy/prometheus/rules/*.yml
check "promtool test rules deploy/prometheus/tests" promtool test rules deploy/prometheus/tests/*.test.yml
check "promtool check config deploy/prometheus/prometheus.yml" promtool check config --syntax-only deploy/prometheus/prometheus.yml
check "k8s PrometheusRule is generated from deploy/prometheus/rules" deploy/k8s/generate-prometheus-rule.sh --check
check "k8s Grafana dashboards ConfigMap is generated from deploy/grafana/dashboards" deploy/k8s/generate-grafana-dashboards.sh --check
check "k8s dev PostgreSQL init script is compose's (deploy/postgres/init)" \
  cmp deploy/postgres/init/10-service-databases.sh k8s/overlays/dev/postgres/10-service-databases.sh

# prod reads the operator's secrets from git-ignored files: render a copy with the committed examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r k8s "$work/"
for example in "$work"/k8s/overlays/prod/secrets/*.env.example; do cp "$example" "${example%.example}"; done
check "kubectl kustomize k8s/base" sh -c "kubectl kustomize k8s/base >$out/base.yaml"
check "kubectl kustomize k8s/overlays/dev" sh -c "kubectl kustomize k8s/overlays/dev >$out/dev.yaml"
check "kubectl kustomize k8s/overlays/prod (example secrets)" sh -c "kubectl kustomize $work/k8s/overlays/prod >$out/prod.yaml"

schema=deploy/k8s/schema-check
if [ ! -d "$schema/node_modules" ] || [ "$schema/package-lock.json" -nt "$schema/node_modules" ]; then
  (cd "$schema" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
check "schemas of every rendered document (Kubernetes, KEDA, prometheus-operator)" \
  node "$schema/check.mjs" "$out/base.yaml" "$out/dev.yaml" "$out/prod.yaml"
tail -n 1 "$out/last.log" | sed 's/^/     /'

grafana=deploy/grafana/schema-check
if [ ! -d "$grafana/node_modules" ] || [ "$grafana/package-lock.json" -nt "$grafana/node_modules" ]; then
  (cd "$grafana" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
check "Grafana dashboards against @grafana/schema's Dashboard type (tsc)" node "$grafana/check.mjs" "$out/grafana-schema"
tail -n 1 "$out/last.log" | sed 's/^/     /'

echo "rendered manifests in $out/"
echo "k8s-validate: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
