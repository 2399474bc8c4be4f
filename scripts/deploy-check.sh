#!/usr/bin/env bash
# Checks the deployment files without building anything: the Kubernetes manifests against the
# Kubernetes JSON schemas (kubernetes-validate, strict: unknown fields fail, for the oldest
# supported and the newest bundled Kubernetes), that kustomization.yaml lists only files that
# exist (and builds, with `kubectl kustomize` where kubectl is installed), the systemd unit with
# `systemd-analyze verify` (any warning fails), and deploy/Containerfile with
# scripts/containerfile-lint.py, and the Prometheus alert rules with promtool. Installs what it needs into target/tools-venv when missing.
# Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/tools-venv
# The oldest Kubernetes the manifests are for (preStop `sleep` is on by default from 1.30).
K8S_MIN=1.30.0
start=$(date +%s)
if [ ! -x "$VENV/bin/kubernetes-validate" ] || ! "$VENV/bin/python" -c 'import dockerfile' 2>/dev/null; then
    [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q kubernetes-validate dockerfile
fi
if ! command -v systemd-analyze >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null
fi

K8S=deploy/kubernetes
manifests=()
for f in "$K8S"/*.yaml; do
    [ "$(basename "$f")" = kustomization.yaml ] || manifests+=("$f")
done
for version in "$K8S_MIN" ""; do
    "$VENV/bin/kubernetes-validate" --strict --quiet ${version:+-k "$version"} "${manifests[@]}"
done
resources=$(grep -c '^kind:' "${manifests[@]}" | awk -F: '{n += $2} END {print n}')
echo "kubernetes: ${#manifests[@]} files, $resources resources valid against the schemas of $K8S_MIN and $("$VENV/bin/kubernetes-validate" --help | sed -n 's/.*Defaults to \([0-9.]*\).*/\1/p') (strict)"

for f in $(sed -n 's/^  - \(.*\.yaml\)$/\1/p' "$K8S/kustomization.yaml"); do
    [ -f "$K8S/$f" ] || { echo "kustomization.yaml lists $f, which does not exist" >&2; exit 1; }
done
if command -v kubectl >/dev/null 2>&1; then
    built=$(kubectl kustomize "$K8S")
    echo "kustomize: kubectl kustomize builds $(grep -c '^kind:' <<<"$built") resources"
    "$VENV/bin/kubernetes-validate" --strict --quiet - <<<"$built"
else
    echo "kustomize: kubectl not installed, kustomization.yaml checked for missing files only"
fi

# The unit names /usr/local/bin/commons, which verify wants to exist: check a copy that names
# an executable stub instead, and fail on any warning as well as on an error.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '#!/bin/sh\n' >"$T/commons"
chmod +x "$T/commons"
sed "s#/usr/local/bin/commons#$T/commons#g" deploy/systemd/commons.service >"$T/commons.service"
if ! out=$(systemd-analyze verify "$T/commons.service" 2>&1) || [ -n "$out" ]; then
    echo "systemd-analyze verify deploy/systemd/commons.service:" >&2
    echo "${out//$T/<stub>}" >&2
    exit 1
fi
# The assessment's process is limited with setrlimit: a filter that denies it breaks crawling.
if grep -E '^SystemCallFilter=~' deploy/systemd/commons.service | grep -qE '@resources|setrlimit'; then
    echo "deploy/systemd/commons.service denies setrlimit (@resources), which limits each assessment" >&2
    exit 1
fi
exposure=$(systemd-analyze security --offline=yes "$T/commons.service" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: //p')
echo "systemd: commons.service verified (systemd-analyze verify: no warning; security exposure ${exposure:-not computed})"

# The alert rules with promtool, taken from Debian's prometheus package without installing
# the service.
PROMTOOL=target/tools/promtool
if [ ! -x "$PROMTOOL" ]; then
    D=$(mktemp -d)
    (cd "$D" && { apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq && apt-get download prometheus >/dev/null; }; })
    dpkg-deb -x "$D"/prometheus_*.deb "$D/x"
    mkdir -p target/tools
    cp "$D/x/usr/bin/promtool" "$PROMTOOL"
    rm -rf "$D"
fi
"$PROMTOOL" check rules deploy/prometheus/alerts.yml
python3 -m json.tool deploy/grafana/commons-dashboard.json >/dev/null
echo "monitoring: alerts.yml passes promtool, the dashboard is JSON"

"$VENV/bin/python" scripts/containerfile-lint.py deploy/Containerfile
bash -n deploy/build-image.sh scripts/build-static.sh
echo "scripts: build-image.sh and build-static.sh parse"
echo "deploy-check: all passed in $(($(date +%s) - start)) s"
