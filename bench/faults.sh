#!/usr/bin/env bash
# Fault drills: the failures an operator meets, run for real on this machine, with what the
# operator sees. Needs root (a small tmpfs for the full disk; a private PostgreSQL 15 cluster
# run as the postgres account). Writes bench/out/faults/report.md.
#   1. the disk fills during an import (SQLite on a 3 MiB tmpfs)
#   2. PostgreSQL restarts while a server answers searches and an import writes
#   3. the search index is deleted, then corrupted, while the server is stopped
#   4. a second server is started on the same SQLite data directory
#   bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(pwd)/bench/out/faults
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=${PGPORT:-54339}
PORT=${PORT:-18120}
if [ "$(id -u)" != 0 ]; then
    echo "faults.sh: run as root (it mounts a tmpfs and runs PostgreSQL as postgres)" >&2
    exit 2
fi
[ -x "$PGBIN/postgres" ] || scripts/postgres.sh start >/dev/null
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
cargo build -q -p commons-cli
BIN=$(pwd)/target/debug/commons
export RUST_LOG="${RUST_LOG:-info,tokei=error,commons::access=off}"

umount "$OUT/full" 2>/dev/null || true
[ -d "$OUT/pg/data" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$OUT/pg/data" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$OUT"
mkdir -p "$OUT"
report="$OUT/report.md"
say() { echo "$*" | tee -a "$report"; }
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    umount "$OUT/full" 2>/dev/null || true
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$OUT/pg/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
python3 bench/gen_publiccode.py 3000 "$OUT/files" >/dev/null
python3 bench/gen_publiccode.py 600 "$OUT/more" 7 >/dev/null
import() { "$BIN" import --publisher drills --force-owner "$@"; }
wait_ready() { for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.1; done; return 1; }
last_line() { grep -v '^\s*$' "$1" | tail -1; }

say "# Fault drills ($(date -u +%Y-%m-%d), debug build)"
say

# 1. A full disk during an import.
say "## 1. The disk fills during an import"
mkdir -p "$OUT/full"
mount -t tmpfs -o size=3m tmpfs "$OUT/full"
set +e
import "$OUT/files" --data "$OUT/full/data" >"$OUT/full-import.out" 2>"$OUT/full-import.err"
code=$?
set -e
say "- \`commons import\` of 3,000 files into a data directory on a 3 MiB file system: exit $code"
say "- it said: \`$(last_line "$OUT/full-import.err")\`"
cp -a "$OUT/full/data" "$OUT/after-full"
umount "$OUT/full"
"$BIN" backup --data "$OUT/after-full" "$OUT/after-full.backup" 2>"$OUT/after-full-backup.err"
say "- the catalog left behind, checked by \`commons backup\` (integrity check): \`$(last_line "$OUT/after-full-backup.err")\`"
import "$OUT/files" --data "$OUT/after-full" >/dev/null 2>"$OUT/after-full-import.err"
say "- the same import again with room to write: \`$(last_line "$OUT/after-full-import.err")\`"
say

# 2. PostgreSQL restarted under load.
say "## 2. PostgreSQL restarts under load"
mkdir -p "$OUT/pg"
chown postgres "$OUT/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$OUT/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pgctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$OUT/pg/data" "$@"; }
pgctl -l "$OUT/pg/server.log" -w -o "-p $PGPORT -k $OUT/pg -c listen_addresses=127.0.0.1" start >/dev/null
DB=postgres://postgres@127.0.0.1:$PGPORT/postgres
import "$OUT/files" --database "$DB" --data "$OUT/pg-index" >/dev/null 2>&1
"$BIN" serve --config scripts/no-rate-limit.toml --database "$DB" --data "$OUT/pg-serve" \
    --listen "127.0.0.1:$PORT" 2>"$OUT/pg-serve.log" &
pids+=($!)
wait_ready "$PORT"
python3 - "$PORT" >"$OUT/load.txt" <<'PY' &
import collections, sys, time, urllib.request, urllib.error
port = sys.argv[1]
start = time.time()
per_second = collections.defaultdict(collections.Counter)
while time.time() - start < 12:
    second = int(time.time() - start)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/software?q=health", timeout=5) as r:
            per_second[second][r.status] += 1
    except urllib.error.HTTPError as e:
        per_second[second][e.code] += 1
    except Exception as e:
        per_second[second][type(e).__name__] += 1
for second in sorted(per_second):
    print(second, dict(per_second[second]))
PY
load=$!
sleep 3
import "$OUT/more" --database "$DB" --data "$OUT/pg-index" >"$OUT/pg-import.out" 2>"$OUT/pg-import.err" &
importer=$!
sleep 0.3
restart_started=$(date +%s.%N)
pgctl -m fast -w restart -l "$OUT/pg/server.log" -o "-p $PGPORT -k $OUT/pg -c listen_addresses=127.0.0.1" >/dev/null
restart_took=$(echo "$(date +%s.%N) - $restart_started" | bc)
set +e
wait "$importer"
import_code=$?
set -e
wait "$load"
say "- PostgreSQL restarted (\`pg_ctl restart -m fast\`, ${restart_took%??????} s) 3 s into 12 s of searches, during an import of 600 changed files"
say "- answers per second of the run (status: count):"
while read -r line; do say "  - $line"; done <"$OUT/load.txt"
say "- the import during the restart: exit $import_code, \`$(last_line "$OUT/pg-import.err")\`"
say "- readiness afterwards: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")"
import "$OUT/more" --database "$DB" --data "$OUT/pg-index" >/dev/null 2>"$OUT/pg-import2.err"
say "- the same import run again: \`$(last_line "$OUT/pg-import2.err")\`"
"$BIN" backup --database "$DB" "$OUT/pg.dump" 2>/dev/null
runuser -u postgres -- psql -qh 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE checked" >/dev/null
"$BIN" restore "$OUT/pg.dump" --database "postgres://postgres@127.0.0.1:$PGPORT/checked" \
    --data "$OUT/pg-checked" 2>"$OUT/pg-restore.err" >/dev/null
say "- the catalog afterwards, restored from a backup and checked: \`$(grep Restored "$OUT/pg-restore.err")\`"
kill "${pids[-1]}"
say

# 3. The search index deleted, then corrupted.
say "## 3. The index is deleted, then corrupted"
cp -a "$OUT/after-full" "$OUT/index-drill"
start_line() {
    "$BIN" serve --data "$OUT/index-drill" --listen "127.0.0.1:$PORT" 2>"$OUT/index-serve.log" &
    local pid=$!
    wait_ready "$PORT"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    grep -m1 "serving" "$OUT/index-serve.log"
}
rm -rf "$OUT/index-drill/index"
say "- deleted: \`$(start_line)\`"
for f in "$OUT/index-drill/index"/*/meta.json "$OUT/index-drill/index/meta.json"; do
    [ -f "$f" ] && printf 'not json' >"$f"
done
say "- meta.json overwritten: \`$(start_line)\`"
say

# 4. Two servers on one SQLite data directory.
say "## 4. A second server on the same data directory"
"$BIN" serve --data "$OUT/index-drill" --listen "127.0.0.1:$PORT" 2>"$OUT/first.log" &
first=$!
pids+=($first)
wait_ready "$PORT"
set +e
"$BIN" serve --data "$OUT/index-drill" --listen "127.0.0.1:$((PORT + 1))" 2>"$OUT/second.log"
code=$?
set -e
say "- the second: exit $code, \`$(last_line "$OUT/second.log")\`"
say "- the first still answers: readyz $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")"
kill "$first"
echo
echo "report: $report"
