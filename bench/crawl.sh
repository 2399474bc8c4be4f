#!/usr/bin/env bash
# Crawl benchmark: a synthetic forge of N plain git repositories (half with a publiccode.yml)
# served over smart HTTP by the real `git http-backend` on loopback. Measures the full crawl,
# the no-change recrawl (goal: < 10 s for 1,000 repositories), the full crawl without
# assessments and, in the same run against the same server, the floor: a sequential loop of
# `git ls-remote` over the same repositories.
# Reports peak RSS of `commons crawl`. Prints a Markdown report to bench/out/crawl-report.md.
#   N=1000 bench/crawl.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
OUT=bench/out
FORGE=$OUT/crawl-forge-$N
DATA=$OUT/crawl-data-$N
REPORT=$OUT/crawl-report.md

if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cargo build --release -q -p commons-cli
BIN=$(pwd)/target/release/commons
mkdir -p "$OUT"

# The repositories: one `git fast-import` per repository (one commit on main).
if [ ! -f "$FORGE/.done" ]; then
    rm -rf "$FORGE" && mkdir -p "$FORGE"
    example=$(cat docs/examples/publiccode.yml)
    for i in $(seq -f "%04g" 1 "$N"); do
        repo="$FORGE/r$i.git"
        git init -q --bare -b main "$repo"
        git -C "$repo" config http.receivepack false
        {
            echo "commit refs/heads/main"
            echo "committer Bench <bench@example.org> 1700000000 +0000"
            echo "data 7"; echo "commit"
            readme="repository $i"
            echo "M 100644 inline README.md"; echo "data ${#readme}"; echo "$readme"
            if [ $((10#$i % 2)) -eq 0 ]; then
                body=$(printf '%s\n' "$example" | sed "s|^url: .*|url: \"http://127.0.0.1/r$i.git\"|; s|^name: .*|name: Bench $i|")
                echo "M 100644 inline publiccode.yml"
                printf 'data %d\n%s\n' "$(printf '%s' "$body" | wc -c)" "$body"
            fi
        } | git -C "$repo" fast-import --quiet
    done
    touch "$FORGE/.done"
fi

rm -f "$OUT/crawl.port"
python3 bench/crawl_server.py "$FORGE" "$OUT/crawl.port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$OUT/crawl.port" ] && break; sleep 0.1; done
[ -s "$OUT/crawl.port" ] || { echo "the git server did not start" >&2; exit 1; }
PORT=$(cat "$OUT/crawl.port")
BASE="http://127.0.0.1:$PORT"

{
    echo "- id: bench"
    echo "  name: Bench"
    echo "  hosting:"
    for i in $(seq -f "%04g" 1 "$N"); do
        echo "    - {url: '$BASE/r$i.git', kind: git}"
    done
} >"$OUT/crawl-publishers.yml"
"$BIN" publishers check "$OUT/crawl-publishers.yml"

rm -rf "$DATA"
echo "==> full crawl of $N repositories"
/usr/bin/time -f "%e %M" -o "$OUT/crawl-full.time" \
    "$BIN" crawl --publishers "$OUT/crawl-publishers.yml" --data "$DATA" --per-host 8 --allow-host "127.0.0.1:$PORT" \
    2>"$OUT/crawl-full.log" | tee "$OUT/crawl-full.summary"
read -r FULL_S FULL_KB <"$OUT/crawl-full.time"

echo "==> no-change recrawl"
/usr/bin/time -f "%e %M" -o "$OUT/crawl-again.time" \
    "$BIN" crawl --publishers "$OUT/crawl-publishers.yml" --data "$DATA" --per-host 8 --allow-host "127.0.0.1:$PORT" \
    2>"$OUT/crawl-again.log" | tee "$OUT/crawl-again.summary"
read -r AGAIN_S AGAIN_KB <"$OUT/crawl-again.time"

echo "==> full crawl without assessments (--no-assess), for the assessments' share"
rm -rf "$DATA-files-only"
/usr/bin/time -f "%e %M" -o "$OUT/crawl-files.time" \
    "$BIN" crawl --publishers "$OUT/crawl-publishers.yml" --data "$DATA-files-only" --per-host 8 --allow-host "127.0.0.1:$PORT" \
    --no-assess 2>"$OUT/crawl-files.log" | tee "$OUT/crawl-files.summary"
read -r FILES_S FILES_KB <"$OUT/crawl-files.time"

echo "==> floor: sequential git ls-remote over the same repositories"
start=$(date +%s.%N)
for i in $(seq -f "%04g" 1 "$N"); do
    GIT_TERMINAL_PROMPT=0 git ls-remote "$BASE/r$i.git" HEAD >/dev/null
done
end=$(date +%s.%N)
LSREMOTE_S=$(python3 -c "print(round($end - $start, 2))")

cat >"$REPORT" <<MD
| Measure ($N repositories, $((N / 2)) with publiccode.yml) | Time | Peak RSS |
|---|---|---|
| \`commons crawl\`, full (fetch + validate + store + assess the listed) | ${FULL_S} s | $((FULL_KB / 1024)) MiB |
| \`commons crawl\`, no change (HEAD check only) | ${AGAIN_S} s | $((AGAIN_KB / 1024)) MiB |
| \`commons crawl --no-assess\`, full (files only) | ${FILES_S} s | $((FILES_KB / 1024)) MiB |
| sequential \`git ls-remote\` loop (the floor) | ${LSREMOTE_S} s | |

Full: $(cat "$OUT/crawl-full.summary")
Again: $(cat "$OUT/crawl-again.summary")
MD
cat "$REPORT"
