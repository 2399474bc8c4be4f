#!/usr/bin/env bash
# Builds a statically linked release `commons` (static glibc: +crt-static for
# x86_64-unknown-linux-gnu, the stable toolchain's own target; no musl target needed) into its
# own target directory, target/static, so the normal build is left alone. Then checks that the
# binary is static (`file`, `ldd`) and runs it: `commons --version`, and `commons serve` on an
# empty data directory until /healthz and /readyz answer 200.
#
# Output: target/static/x86_64-unknown-linux-gnu/release/commons, and a stripped copy,
# target/static/commons, which is what is checked and run here and what deploy/build-image.sh
# puts in the image.
#
# Static glibc caveat: name lookups (getaddrinfo) in a static glibc binary read /etc/hosts and
# /etc/resolv.conf directly (files and dns, built in) but cannot load other NSS modules; a
# container runtime or Kubernetes provides both files, which is all Commons needs.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=x86_64-unknown-linux-gnu
export CARGO_TARGET_DIR=target/static
export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static"
start=$(date +%s)
nice -n 10 cargo build --release --locked -p commons-cli --target "$TARGET"
end=$(date +%s)
BIN="$CARGO_TARGET_DIR/$TARGET/release/commons"
echo "build: $((end - start)) s"
echo "size: $(stat -c %s "$BIN") bytes ($(du -h "$BIN" | cut -f1)), with the release profile's line tables"
# The copy that goes into the image: without debug information and symbols.
strip -o "$CARGO_TARGET_DIR/commons" "$BIN"
echo "stripped: $(stat -c %s "$CARGO_TARGET_DIR/commons") bytes ($(du -h "$CARGO_TARGET_DIR/commons" | cut -f1)), $CARGO_TARGET_DIR/commons"
BIN="$CARGO_TARGET_DIR/commons"
file "$BIN"
file "$BIN" | grep -q 'statically linked\|static-pie linked' || { echo "not static" >&2; exit 1; }
# ldd exits non-zero for a static binary and says so.
ldd_out=$(ldd "$BIN" 2>&1 || true)
echo "ldd: $ldd_out"
case "$ldd_out" in
    *"not a dynamic executable"* | *"statically linked"*) ;;
    *) echo "ldd lists shared libraries" >&2; exit 1 ;;
esac
"$BIN" --version

DATA=$(mktemp -d)
PORT=${PORT:-$((20000 + RANDOM % 20000))}
# Run it with an empty environment, as in a scratch image: no PATH, no HOME.
env -i "$BIN" serve --data "$DATA" --listen "127.0.0.1:$PORT" 2>"$DATA/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
ok=
for _ in $(seq 100); do
    if curl -sf --max-time 2 "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.1
done
if [ -z "$ok" ]; then
    echo "serve did not become ready:" >&2
    cat "$DATA/serve.log" >&2
    exit 1
fi
echo "healthz: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")"
echo "readyz: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")"
echo "api: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/openapi.json")"
head -3 "$DATA/serve.log"
kill $SERVER; wait $SERVER 2>/dev/null || true

# The demo: the same binary assesses each demo entry with git and `commons assess-worker` (itself
# re-executed), which is what the crawler image needs git for. Only PATH (for git) is set.
if command -v git >/dev/null 2>&1; then
    DEMO=$(mktemp -d)
    env -i PATH=/usr/bin:/bin "$BIN" serve --demo --data "$DEMO" --listen "127.0.0.1:$PORT" 2>"$DATA/demo.log" &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA" "$DEMO"' EXIT
    ok=
    for _ in $(seq 1200); do
        if curl -sf --max-time 2 "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then ok=1; break; fi
        kill -0 $SERVER 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$ok" ]; then
        echo "serve --demo did not become ready:" >&2
        cat "$DATA/demo.log" >&2
        exit 1
    fi
    grep -E '^(Loaded|Commons is serving)' "$DATA/demo.log"
    total=$(curl -sf "http://127.0.0.1:$PORT/api/v1/software?limit=1" | grep -o '"total":[0-9]*' || true)
    echo "demo: /api/v1/software ${total:-gave no total}"
else
    echo "demo: not run (no git here)"
fi
echo "static binary OK: $BIN"
