#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: formatting, lints, and every test of the
# workspace. Installs what the tests need when it is missing (CI runs as root on a fresh
# machine), and reads the shared conformance data from ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }

if ! need cargo; then
    echo "test.sh: cargo is required (install Rust with rustup)" >&2
    exit 2
fi
if [ ! -d ../shared/conformance ]; then
    echo "test.sh: ../shared (conformance data) must sit beside the repository" >&2
    exit 2
fi
# The CLI and network tests use git (and git http-backend).
if ! need git; then
    apt-get update -qq && apt-get install -y -qq git
fi

echo "==> PostgreSQL for the storage tests"
COMMONS_TEST_POSTGRES="$(scripts/postgres.sh start)"
export COMMONS_TEST_POSTGRES

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "==> cargo test"
cargo test --workspace --no-fail-fast 2>&1 | tee target/test-output.txt
# Summarise the runners' closing lines into one line CI can read.
awk '/^test result:/ { p += $4; f += $6; i += $8 } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, i }' target/test-output.txt
