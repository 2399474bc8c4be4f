# Sourced by the contract and export checks: builds the CLI and starts `commons serve --demo`
# on a free port with a fresh data directory and no rate limit; sets PORT, DATA and SERVER,
# stops the server and removes the directory on exit, and waits until it is ready.
cargo build -q -p commons-cli
DATA=$(mktemp -d)
# Below the kernel's ephemeral range (32768 and up here), so that no outgoing connection holds
# it; one nobody listens on.
if [ -z "${PORT:-}" ]; then
    for _ in $(seq 50); do
        PORT=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    done
fi
# Search by meaning with the model the tests already have (scripts/embed-reference.sh)
# rather than a download per run; without it the demo fetches its own.
if [ -n "${COMMONS_EMBED_MODEL:-}" ]; then export COMMONS_SEARCH_MODEL_DIR="$COMMONS_EMBED_MODEL"; fi
target/debug/commons serve --config scripts/no-rate-limit.toml --demo --data "$DATA" --listen "127.0.0.1:$PORT" 2>"$DATA/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
# The demo is assessed before the server is ready: about 25 s for a debug build on two idle
# cores, more on a loaded machine. Up to two minutes, then a clear failure.
READY=""
for _ in $(seq 1200); do
    if curl -sf --max-time 2 "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then READY=1; break; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then break; fi
    sleep 0.1
done
if [ -z "$READY" ]; then
    echo "demo-server: commons serve --demo was not ready after two minutes" >&2
    cat "$DATA/serve.log" >&2
    exit 1
fi
