#!/usr/bin/env bash
# API contract tests against a real `commons serve --demo`, with schemathesis (a fixed number of
# examples): every check against the OpenAPI document the server serves for /api/v1, then the
# read operations of the Software Catalog API's own document (../shared/spec/open-catalog-api)
# against /open-catalog/v1, every check but those its config file turns off, with the reasons.
# Installs schemathesis into target/tools-venv when missing. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/tools-venv
# Pinned: hypothesis 6.170.27 (out on 2026-12-04) stops schemathesis 4.32.5's coverage phase
# with "AST constructor recursion depth mismatch" before any request is sent; 6.170.23 runs it.
PINNED=(schemathesis==4.32.5 hypothesis==6.170.23)
if [ ! -x "$VENV/bin/schemathesis" ]; then
    python3 -m venv "$VENV"
fi
installed=$("$VENV/bin/pip" freeze 2>/dev/null)
for pin in "${PINNED[@]}"; do
    if ! grep -qxF "$pin" <<<"$installed"; then
        "$VENV/bin/pip" install -q "${PINNED[@]}"
        break
    fi
done
. scripts/lib/demo-server.sh
"$VENV/bin/schemathesis" --config-file crates/server/tests/contract/schemathesis.toml \
    run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --checks all --max-examples "${EXAMPLES:-50}" --workers 2 --seed "${SEED:-20261125}" \
    --no-color 2>&1 | tee target/schemathesis.log | tail -25
echo "==> the Software Catalog API (/open-catalog/v1) against its own document"
# Read operations only; webhooks need the peer's write token, and Commons keeps no catalogs
# or logs of that API's kind.
"$VENV/bin/schemathesis" --config-file crates/server/tests/contract/open-catalog.toml \
    run ../shared/spec/open-catalog-api/software-catalog-api.oas.yaml \
    --url "http://127.0.0.1:$PORT/open-catalog/v1" \
    --include-method GET --exclude-path-regex 'webhooks|logs|catalogs' \
    --max-examples "${EXAMPLES:-50}" --workers 2 --seed "${SEED:-20261125}" \
    --no-color 2>&1 | tee target/schemathesis-open-catalog.log | tail -25
