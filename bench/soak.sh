#!/usr/bin/env bash
# Soak test: a release `commons serve --demo` that also crawls a local git forge every minute,
# under mixed traffic for SECONDS (default 600) on loopback only: searches and pages in six
# languages, validations of ordinary and hostile files (alias bomb, deep nesting, 100k keys,
# a megabyte of newlines), webhooks with bad signatures and oversized bodies, clients that
# trickle headers or never read. RSS is sampled every 5 s. Passes when the server still answers
# at the end and no answer was a 5xx other than the intended 503 of a full validation queue;
# memory should be flat (compare the two halves' maxima in the report).
# Bounded: every request loop stops at the deadline. Report: bench/out/soak-report.json.
#   SECONDS_TO_RUN=600 bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_FOR=${SECONDS_TO_RUN:-600}
REPOS=${REPOS:-100}
PORT=${PORT:-18090}
OUT=bench/out
FORGE=$OUT/soak-forge
DATA=$OUT/soak-data
mkdir -p "$OUT"

command -v git >/dev/null || { apt-get update -qq && apt-get install -y -qq git >/dev/null; }
cargo build --release -q -p commons-cli
BIN=$(pwd)/target/release/commons

# A forge of plain git repositories, each with a publiccode.yml, served by git http-backend.
if [ ! -f "$FORGE/.done" ]; then
    rm -rf "$FORGE" && mkdir -p "$FORGE"
    example=$(cat docs/examples/publiccode.yml)
    for i in $(seq -f "%03g" 1 "$REPOS"); do
        repo="$FORGE/s$i.git"
        git init -q --bare -b main "$repo"
        body=$(printf '%s\n' "$example" | sed "s|^url: .*|url: \"http://127.0.0.1/s$i.git\"|; s|^name: .*|name: Soak $i|")
        {
            echo "commit refs/heads/main"
            echo "committer Soak <soak@example.org> 1700000000 +0000"
            echo "data 7"; echo "commit"
            echo "M 100644 inline publiccode.yml"
            printf 'data %d\n%s\n' "$(printf '%s' "$body" | wc -c)" "$body"
        } | git -C "$repo" fast-import --quiet
    done
    touch "$FORGE/.done"
fi

rm -f "$OUT/soak.port"
python3 bench/crawl_server.py "$FORGE" "$OUT/soak.port" &
GIT_SERVER=$!
SERVER=""
trap 'kill $GIT_SERVER 2>/dev/null || true; [ -n "$SERVER" ] && kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$OUT/soak.port" ] && break; sleep 0.1; done
GIT_PORT=$(cat "$OUT/soak.port")
{
    echo "- id: soak"
    echo "  name: Soak"
    echo "  hosting:"
    for i in $(seq -f "%03g" 1 "$REPOS"); do
        echo "    - {url: 'http://127.0.0.1:$GIT_PORT/s$i.git', kind: git}"
    done
} >"$OUT/soak-publishers.yml"

rm -rf "$DATA"
# The server derives each publisher's webhook secret from this key.
COMMONS_WEBHOOK_KEY=$(head -c 48 /dev/urandom | base64 -w0)
export COMMONS_WEBHOOK_KEY
# The access log is off: hundreds of thousands of lines would fill the log, not test the
# server (RUST_LOG turns it back on).
export RUST_LOG="${RUST_LOG:-info,tokei=error,commons::access=off}"
"$BIN" serve --config scripts/no-rate-limit.toml --demo --data "$DATA" --listen "127.0.0.1:$PORT" \
    --publishers "$OUT/soak-publishers.yml" --crawl-every 1m \
    --allow-host "127.0.0.1:$GIT_PORT" 2>"$OUT/soak-serve.log" &
SERVER=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "the server did not start" >&2; tail "$OUT/soak-serve.log" >&2; exit 1; }

# The first crawl files the soak publisher; then it gets a webhook secret.
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$PORT/api/v1/organisations/soak" >/dev/null && break; sleep 0.1; done
SOAK_HOOK_SECRET=$("$BIN" publishers hook-secret rotate soak --data "$DATA" 2>/dev/null)
export SOAK_HOOK_SECRET SOAK_REPOS=$REPOS SOAK_GIT_BASE="http://127.0.0.1:$GIT_PORT"

echo "==> soak: $RUN_FOR s of mixed traffic against pid $SERVER"
status=0
python3 bench/soak.py "http://127.0.0.1:$PORT" "$SERVER" "$RUN_FOR" "$OUT/soak-report.json" || status=$?
if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "the server died" >&2
    status=1
fi
echo "==> crawls during the soak: $(grep -c 'crawl finished' "$OUT/soak-serve.log" || true)"
exit $status
