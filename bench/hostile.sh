#!/usr/bin/env bash
# The attacks of issue 11 against a release build, on loopback: time and peak RSS of
# `commons validate` on each hostile file, then one `commons serve` taking each file through
# `POST /api/v1/validate` and the `/validate` page (answer size, time, server RSS after).
# Prints a Markdown table to bench/out/hostile-report.md.
#   bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/hostile
PORT=${PORT:-18095}
mkdir -p "$OUT"
need() { command -v "$1" >/dev/null 2>&1; }
if ! need curl || [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq curl time >/dev/null
fi
cargo build --release -q -p commons-cli
BIN=$(pwd)/target/release/commons

python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
files = {
    # H1: 200 KB anchored, then 100,000 aliases of it (about 600 KB in all).
    "alias-bomb": b'a: &a "' + b"x" * 200_000 + b'"\nb: [' + b"*a, " * 99_999 + b"*a]\n",
    # M4: 1 MiB of top-level keys.
    "many-keys": b"".join(b"k%d: v\n" % i for i in range(200_000))[: 1024 * 1024 - 1],
    # M4 inside the node budget: 99,997 unknown keys, each a problem to report.
    "many-problems": b'publiccodeYmlVersion: "0"\n' + b"".join(b"k%d: v\n" % i for i in range(99_990)),
    # M6: 1 MiB of newlines.
    "newlines": b"\n" * (1024 * 1024 - 1),
    # Deep nesting, as in the workflow of H2 (here as a publiccode.yml).
    "deep-nesting": b"- " * 20_000 + b"x\n",
}
for name, body in files.items():
    open(f"{out}/{name}.yml", "wb").write(body)
PY

rows=()
for f in alias-bomb many-keys many-problems newlines deep-nesting; do
    /usr/bin/time -f "%e %M" -o "$OUT/$f.time" "$BIN" validate --no-file-checks --format json \
        "$OUT/$f.yml" >"$OUT/$f.json" 2>/dev/null || true
    read -r secs kib < <(tail -1 "$OUT/$f.time")
    rows+=("| \`commons validate\` $f.yml ($(stat -c %s "$OUT/$f.yml") bytes) | ${secs} s | $((kib / 1024)) MiB |")
done

rm -rf "$OUT/data"
# The access log is off: hundreds of thousands of lines would fill the log, not test the
# server (RUST_LOG turns it back on).
export RUST_LOG="${RUST_LOG:-info,tokei=error,commons::access=off}"
"$BIN" serve --config scripts/no-rate-limit.toml --data "$OUT/data" --listen "127.0.0.1:$PORT" 2>"$OUT/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.05; done
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$SERVER/status"; }
rows+=("| server at rest | | $(rss) MiB |")
for f in alias-bomb many-keys many-problems newlines deep-nesting; do
    start=$(date +%s.%N)
    code=$(curl -s -o "$OUT/$f.api" -w '%{http_code}' --data-binary "@$OUT/$f.yml" \
        -H 'Content-Type: application/yaml' "http://127.0.0.1:$PORT/api/v1/validate")
    end=$(date +%s.%N)
    rows+=("| \`POST /api/v1/validate\` $f.yml: $code, answer $(stat -c %s "$OUT/$f.api") bytes | $(python3 -c "print(round($end - $start, 2))") s | $(rss) MiB |")
done
# The page: take the CSRF cookie and token from the form, then post the file.
for f in alias-bomb many-keys many-problems newlines; do
    form=$(curl -s -c "$OUT/cookies" "http://127.0.0.1:$PORT/validate")
    token=$(printf '%s' "$form" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    start=$(date +%s.%N)
    code=$(curl -s -b "$OUT/cookies" -o "$OUT/$f.html" -w '%{http_code}' \
        -F "csrf=$token" -F "file=@$OUT/$f.yml" "http://127.0.0.1:$PORT/validate")
    end=$(date +%s.%N)
    rows+=("| \`/validate\` page for $f.yml: $code, page $(stat -c %s "$OUT/$f.html") bytes | $(python3 -c "print(round($end - $start, 2))") s | $(rss) MiB |")
done
alive=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")

{
    echo "| what (release build) | time | peak RSS (CLI) / server RSS after |"
    echo "|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Server still answering afterwards: /healthz $alive."
} | tee bench/out/hostile-report.md
