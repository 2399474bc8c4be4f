#!/usr/bin/env bash
# API contract test: schemathesis (every check, a fixed number of examples) against the OpenAPI
# document that a real `commons serve --demo` serves. Installs schemathesis into target/tools-venv
# when missing. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/tools-venv
if [ ! -x "$VENV/bin/schemathesis" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q schemathesis
fi
cargo build -q -p commons-cli
DATA=$(mktemp -d)
PORT=${PORT:-$((20000 + RANDOM % 20000))}
target/debug/commons serve --config scripts/no-rate-limit.toml --demo --data "$DATA" --listen "127.0.0.1:$PORT" 2>"$DATA/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
    sleep 0.1
done
"$VENV/bin/schemathesis" --config-file crates/server/tests/contract/schemathesis.toml \
    run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --checks all --max-examples "${EXAMPLES:-50}" --workers 2 --seed "${SEED:-20261125}" \
    --no-color 2>&1 | tee target/schemathesis.log | tail -25
