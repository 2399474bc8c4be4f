#!/usr/bin/env bash
# Catalog benchmark at the 100,000-entry scale: import rate, index build time, cold start, server
# RSS, and search latency and throughput under wrk (32 connections, a mix of realistic queries and
# facet filters), side by side in the same run with nginx serving a static JSON file of the size of
# a typical answer (the serving limit on this machine). Also times every web page server-side.
# Prints a Markdown report to bench/out/catalog-report.md. Re-runnable; installs what it needs.
#   N=100000 bench/catalog.sh
# CORPUS=realistic (default: bench/gen_realistic.py, texts that vary as real ones do) or
# CORPUS=repeated (bench/gen_publiccode.py: shared sentences, so most queries match nearly every
# entry: the worst case). REUSE=1 keeps an earlier run's catalog and index (and its import and
# index-build figures) to measure the server again.
# Searches: DISTINCT (50,000 different requests from bench/gen_queries.py: words of the corpus in
# the six languages, typos, facet filters, sorts; no answer cache can carry them) at 4 and at 32
# connections, after 10 s of other distinct requests on the fresh server (reported apart: the
# cold start of search, before the typo expansions and stemmed words it keeps are warm); POPULAR (14 requests repeated, as real traffic repeats its favourites) at 32
# connections, beside nginx serving a typical answer as a static file.
# Engine-level peer: the same corpus (as Commons indexes it, crates/search/examples/peer_corpus.rs)
# and the first 2,000 distinct requests through Xapian (bench/xapian_peer.py, Debian's
# python3-xapian), beside Commons' search crate (crates/search/examples/profile.rs), both
# in-process on one thread, with the match counts compared request by request.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
CORPUS=${CORPUS:-realistic}
OUT=bench/out
GEN=$OUT/catalog-gen-$CORPUS-$N
DATA=$OUT/catalog-data-$CORPUS-$N
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
DURATION=${DURATION:-20s}
REPORT=$OUT/catalog-report-$CORPUS.md

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx || ! need curl || [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq wrk nginx-light curl time >/dev/null
fi
cargo build --release -q -p commons-cli
BIN=$(pwd)/target/release/commons
mkdir -p "$OUT"

python3 -c 'import yaml' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-yaml >/dev/null; }
if [ ! -f "$GEN/.done" ]; then
    rm -rf "$GEN"
    if [ "$CORPUS" = repeated ]; then
        python3 bench/gen_publiccode.py "$N" "$GEN"
    else
        python3 bench/gen_realistic.py "$N" "$GEN"
    fi
    touch "$GEN/.done"
fi
if [ ! -f "$GEN/queries.txt" ]; then
    python3 bench/gen_queries.py "$GEN" 50000 "$GEN/queries.txt"
fi

if [ -n "${REUSE:-}" ] && [ -f "$DATA/.done" ]; then
    echo "==> reusing the catalog and index in $DATA"
else
    echo "==> import $N entries"
    rm -rf "$DATA"
    /usr/bin/time -f "%e %M" -o "$OUT/import-$CORPUS-$N.time" "$BIN" import "$GEN" --data "$DATA" --publisher bench --force-owner 2>"$OUT/import.log" >/dev/null
    tail -1 "$OUT/import.log"
    echo "==> reindex"
    /usr/bin/time -f "%e %M" -o "$OUT/reindex-$CORPUS-$N.time" "$BIN" reindex --data "$DATA" 2>"$OUT/reindex.log"
    touch "$DATA/.done"
fi
read -r IMPORT_S IMPORT_KB <"$OUT/import-$CORPUS-$N.time"
read -r REINDEX_S REINDEX_KB <"$OUT/reindex-$CORPUS-$N.time"

echo "==> cold start"
START_NS=$(date +%s%N)
# The access log is off, as nginx's is in the comparison: one line per request is a cost a
# deployment chooses (RUST_LOG), not the server's own.
export RUST_LOG="${RUST_LOG:-info,tokei=error,commons::access=off}"
"$BIN" serve --config scripts/no-rate-limit.toml --data "$DATA" --listen "127.0.0.1:$PORT" 2>"$OUT/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [ -f $OUT/nginx.pid ] && kill $(cat $OUT/nginx.pid) 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.01; done
COLD_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

# A typical answer: the first page of a facetted text search.
TYPICAL="/api/v1/software?q=case+management&category=data-collection&limit=20"
curl -sf "http://127.0.0.1:$PORT$TYPICAL" >"$OUT/typical.json"
TYPICAL_BYTES=$(stat -c %s "$OUT/typical.json")

cat >"$OUT/queries.lua" <<'LUA'
-- A mix of realistic searches: free text in the six languages, facet filters, sorts, pages.
local paths = {
  "/api/v1/software?q=case+management",
  "/api/v1/software?q=dossiers+terrain&lang=fr",
  "/api/v1/software?q=gesti%C3%B3n+de+casos&lang=es",
  "/api/v1/software?q=%D8%A5%D8%AF%D8%A7%D8%B1%D8%A9+%D8%A7%D9%84%D8%AD%D8%A7%D9%84%D8%A7%D8%AA&lang=ar",
  "/api/v1/software?q=%E7%AE%A1%E7%90%86&lang=zh",
  "/api/v1/software?q=%D1%83%D0%BF%D1%80%D0%B0%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5&lang=ru",
  "/api/v1/software?category=data-collection",
  "/api/v1/software?category=hr&license=MIT&sort=updated",
  "/api/v1/software?q=offline&country=KE&developmentStatus=stable",
  "/api/v1/software?q=managment",
  "/api/v1/software?softwareType=library&platform=android&sort=name",
  "/api/v1/software?q=tool+00042",
  "/api/v1/software?maintenanceType=contract&language=ar",
  "/api/v1/software?q=field+teams&limit=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

distinct_lua() { # list-of-requests
    cat <<LUA
-- Each request a different search, read from the generated list; each thread starts
-- elsewhere in it.
local paths = {}
for line in io.lines("$(pwd)/$1") do paths[#paths + 1] = line end
local i = 0
setup = function(thread) thread:set("start", math.random(#paths)) end
init = function() i = tonumber(start) or 0 end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
}
distinct_lua "$GEN/queries.txt" >"$OUT/distinct.lua"
# The first seconds of a fresh server: other requests of the same kind (another seed, none of
# the measured ones), measured apart as the cold start of search.
if [ ! -f "$GEN/warmup.txt" ]; then
    python3 bench/gen_queries.py "$GEN" 20000 "$GEN/warmup-all.txt" 7 >/dev/null
    grep -vxFf "$GEN/queries.txt" "$GEN/warmup-all.txt" >"$GEN/warmup.txt" || true
fi
distinct_lua "$GEN/warmup.txt" >"$OUT/warmup.lua"

run_wrk() { # url label [script] [connections]
    wrk -t2 -c"${4:-32}" -d"$DURATION" --latency ${3:+-s "$3"} "$1" >"$OUT/wrk-$2.txt"
}
percentile() { awk -v p="$2" '$1 == p { print $2 }' "$OUT/wrk-$1.txt"; }
rps() { awk '/^Requests\/sec/ { print $2 }' "$OUT/wrk-$1.txt"; }

echo "==> wrk: commons, first distinct searches of the fresh server, 4 connections, 10 s"
DURATION=10s run_wrk "http://127.0.0.1:$PORT" cold4 "$OUT/warmup.lua" 4
echo "==> wrk: commons, distinct searches, 4 connections"
run_wrk "http://127.0.0.1:$PORT" distinct4 "$OUT/distinct.lua" 4
echo "==> wrk: commons, distinct searches, 32 connections"
run_wrk "http://127.0.0.1:$PORT" distinct32 "$OUT/distinct.lua" 32
echo "==> wrk: commons, popular searches, 32 connections"
run_wrk "http://127.0.0.1:$PORT" commons "$OUT/queries.lua"
RSS_KB=$(awk '/VmHWM/ { print $2 }' /proc/$SERVER/status)
# Of which the server's own memory (heap, stacks) and the mapped index and database files the
# kernel can take back.
ANON_KB=$(awk '/RssAnon/ { print $2 }' /proc/$SERVER/status)
FILE_KB=$(awk '/RssFile/ { print $2 }' /proc/$SERVER/status)
# Every answer of the distinct runs must be 200.
non2xx() { awk '/Non-2xx/ { n = $5 } END { print n + 0 }' "$OUT/wrk-$1.txt"; }

echo "==> wrk: nginx static file of $TYPICAL_BYTES bytes"
mkdir -p "$OUT/nginx"
cp "$OUT/typical.json" "$OUT/nginx/typical.json"
cat >"$OUT/nginx.conf" <<NGINX
worker_processes 2;
pid $(pwd)/$OUT/nginx.pid;
error_log $(pwd)/$OUT/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $(pwd)/$OUT/nginx;
        location / { default_type application/json; }
    }
}
NGINX
nginx -c "$(pwd)/$OUT/nginx.conf"
sleep 0.5
run_wrk "http://127.0.0.1:$NGINX_PORT/typical.json" nginx
kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true

echo "==> web pages, server-side time"
ONE=$(curl -sf "http://127.0.0.1:$PORT/api/v1/software?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
ORG=$(curl -sf "http://127.0.0.1:$PORT/api/v1/organisations" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
PAGES=("/" "/software?q=case+management" "/software?category=data-collection&sort=updated" "/software/$ONE" "/organisations" "/organisations/$ORG" "/validate" "/about" "/software?lang=ar&q=%D8%A5%D8%AF%D8%A7%D8%B1%D8%A9")
PAGE_ROWS=""
for page in "${PAGES[@]}"; do
    worst=0
    total=0
    for _ in $(seq 20); do
        t=$(curl -s -o /dev/null -w '%{time_starttransfer}' "http://127.0.0.1:$PORT$page")
        ms=$(python3 -c "print(round($t*1000,2))")
        total=$(python3 -c "print($total+$ms)")
        worst=$(python3 -c "print(max($worst,$ms))")
    done
    mean=$(python3 -c "print(round($total/20,2))")
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$page")
    PAGE_ROWS+="| \`$page\` | $status | $mean ms | $worst ms |"$'\n'
done
kill $SERVER
wait $SERVER 2>/dev/null || true

echo "==> engine-level peer: Commons' search crate and Xapian, in-process, same corpus and requests"
/usr/bin/python3 -c 'import xapian' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-xapian >/dev/null; }
cargo build --release -q -p commons-search --example profile --example peer_corpus
if [ "${XAPIAN:-1}" != 0 ] && [ ! -f "$GEN/peer-corpus.jsonl" ]; then
    target/release/examples/peer_corpus "$GEN" bench >"$GEN/peer-corpus.jsonl.part" 2>/dev/null
    mv "$GEN/peer-corpus.jsonl.part" "$GEN/peer-corpus.jsonl"
fi
# A copy of the index: the profile opens it for writing, as the server does.
rm -rf "$OUT/peer-index" && cp -r "$DATA/index" "$OUT/peer-index" && rm -f "$OUT"/peer-index/.tantivy-*.lock
TOTALS="$OUT/peer-commons-totals.txt" target/release/examples/profile "$OUT/peer-index" "$GEN/queries.txt" >"$OUT/peer-commons.txt"
rm -rf "$OUT/peer-index"
XAPIAN_DB=$OUT/xapian-$CORPUS-$N
if [ "${XAPIAN:-1}" = 0 ]; then
    # XAPIAN=0 leaves the peer out (at 1M entries its index takes about an hour to build).
    echo "xapian: left out of this run (XAPIAN=0)" >"$OUT/peer-xapian.txt"
    rm -f "$OUT/peer-xapian-totals.txt"
else
    [ -f "$XAPIAN_DB/.done" ] || rm -rf "$XAPIAN_DB"
    /usr/bin/python3 bench/xapian_peer.py "$GEN/peer-corpus.jsonl" "$GEN/queries.txt" "$XAPIAN_DB" 2000 "$OUT/peer-xapian-totals.txt" >"$OUT/peer-xapian.txt"
    touch "$XAPIAN_DB/.done"
fi
if [ -f "$OUT/peer-xapian-totals.txt" ]; then
    PEER_AGREEMENT=$(paste "$OUT/peer-commons-totals.txt" "$OUT/peer-xapian-totals.txt" | awk -F'\t' '
        { n++; if ($1 == $3) same++; else if ($1 > $3) more++; else fewer++ }
        END { printf "%d requests: same match count %d, Commons more (typo tolerance) %d, Commons fewer %d", n, same, more, fewer }')
else
    PEER_AGREEMENT="match counts not compared: no peer in this run"
fi

C_RPS=$(rps commons); N_RPS=$(rps nginx)
RATIO=$(python3 -c "print(round(100*$C_RPS/$N_RPS,1))")
IMPORT_RATE=$(python3 -c "print(round($N/$IMPORT_S))")
cat >"$REPORT" <<MD
Corpus: $CORPUS, $N entries; $(wc -l <"$GEN/queries.txt") distinct requests.

| measure | Commons | nginx (static file, same size) | goal |
|---|---|---|---|
| import of $N entries | $IMPORT_S s ($IMPORT_RATE entries/s, peak RSS $((IMPORT_KB/1024)) MB) | | ≥ 2,000 entries/s |
| index build (\`commons reindex\`) | $REINDEX_S s (peak RSS $((REINDEX_KB/1024)) MB) | | |
| cold start to ready | $COLD_MS ms | | < 2 s |
| first 10 s of a fresh server, distinct searches, 4 connections: requests/s, p50 / p99 | $(rps cold4) (non-2xx: $(non2xx cold4)), $(percentile cold4 50%) / $(percentile cold4 99%) | | |
| distinct searches, 4 connections: requests/s | $(rps distinct4) (non-2xx: $(non2xx distinct4)) | | |
| distinct searches, 4 connections: latency p50 / p99 | $(percentile distinct4 50%) / $(percentile distinct4 99%) | | p99 < 10 ms |
| distinct searches, 32 connections: requests/s | $(rps distinct32) (non-2xx: $(non2xx distinct32)) | | ≥ 1,000 |
| distinct searches, 32 connections: latency p50 / p99 | $(percentile distinct32 50%) / $(percentile distinct32 99%) | | |
| popular searches, 32 connections: requests/s | $C_RPS | $N_RPS | ≥ 50 % of nginx (got $RATIO %) |
| popular searches: latency p50 / p99 | $(percentile commons 50%) / $(percentile commons 99%) | $(percentile nginx 50%) / $(percentile nginx 99%) | |
| server peak RSS after the load | $((RSS_KB/1024)) MB (now: $((ANON_KB/1024)) MB own memory, $((FILE_KB/1024)) MB mapped files) | | < 300 MB |

Typical answer: \`$TYPICAL\`, $TYPICAL_BYTES bytes.

Engine-level peer, in-process, one thread, the first 2,000 distinct requests (top 20 and every
facet's counts over all matches):

\`\`\`
Commons: $(grep searches "$OUT/peer-commons.txt")
$(grep -v indexed "$OUT/peer-xapian.txt")
$PEER_AGREEMENT
\`\`\`

| page | status | mean time to first byte (20 runs) | worst |
|---|---|---|---|
$PAGE_ROWS
MD
cat "$REPORT"
