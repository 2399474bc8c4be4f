#!/usr/bin/env bash
# Benchmark of `commons validate` against the floor of any Python-based checker (PyYAML's C
# loader parsing the same files, no validation), on the conformance corpus and on 10,000
# generated valid files. Prints a Markdown table; re-runnable. Needs ../shared beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
GEN=$OUT/gen
CORPUS=../shared/conformance/publiccode-parser-go/testdata
N=${N:-10000}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq hyperfine time >/dev/null
fi
PY=python3
if ! $PY -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
    pip install -q pyyaml 2>/dev/null || true
    if ! $PY -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
        apt-get install -y -qq python3-yaml >/dev/null
        PY=/usr/bin/python3
    fi
fi

cargo build --release -q -p commons-cli
BIN=target/release/commons
mkdir -p "$OUT"
if [ ! -f "$GEN/.n-$N" ]; then
    rm -rf "$GEN"
    $PY bench/gen_publiccode.py "$N" "$GEN"
    touch "$GEN/.n-$N"
fi
$BIN validate --no-file-checks "$GEN" >/dev/null || { echo "generated files must be valid" >&2; exit 1; }
mapfile -t CORPUS_FILES < <(find "$CORPUS" -name '*.yml' | sort)

bytes_of() { du -cb "$@" | tail -1 | cut -f1; }
GEN_FILES=$(find "$GEN" -name publiccode.yml | wc -l)
GEN_BYTES=$(find "$GEN" -name publiccode.yml -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
COR_FILES=${#CORPUS_FILES[@]}
COR_BYTES=$(bytes_of "${CORPUS_FILES[@]}")

run() { # name, command...
    local name=$1; shift
    hyperfine -N -i --warmup 2 --runs "${RUNS:-10}" --export-json "$OUT/$name.json" "$*" >/dev/null 2>&1 \
        || hyperfine -i --warmup 2 --runs "${RUNS:-10}" --export-json "$OUT/$name.json" "$*" >/dev/null
    /usr/bin/time -v "$@" >/dev/null 2>"$OUT/$name.time" || true
}
run gen_commons $BIN validate --format json "$GEN"
RAYON_NUM_THREADS=1 run gen_commons_1core $BIN validate --format json "$GEN"
run gen_pyyaml $PY bench/pyyaml_floor.py "$GEN"
run cor_commons $BIN validate --format json "${CORPUS_FILES[@]}"
RAYON_NUM_THREADS=1 run cor_commons_1core $BIN validate --format json "${CORPUS_FILES[@]}"
run cor_pyyaml $PY bench/pyyaml_floor.py "${CORPUS_FILES[@]}"

row() { # label, result name, files, bytes
    $PY - "$OUT/$2.json" "$OUT/$2.time" "$3" "$4" "$1" "$OUT/${2%%_*}_pyyaml.json" <<'PY'
import json, re, sys
res, tim, files, size, label, floor = sys.argv[1:7]
mean = json.load(open(res))["results"][0]["mean"]
try:
    fmean = json.load(open(floor))["results"][0]["mean"]
except Exception:
    fmean = None
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tim).read())
rss = int(rss.group(1)) / 1024 if rss else float("nan")
files, size = int(files), int(size)
ratio = f"{fmean / mean:.1f}x" if fmean and "pyyaml" not in label.lower() else "1.0x"
print(f"| {label} | {files} | {mean * 1000:.0f} ms | {files / mean:,.0f} | {size / mean / 1e6:.1f} | {rss:.1f} MB | {ratio} |")
PY
}
echo
echo "| run | files | time (mean) | files/s | MB/s | peak RSS | vs floor |"
echo "|---|---|---|---|---|---|---|"
row "generated: commons validate (all cores)" gen_commons "$GEN_FILES" "$GEN_BYTES"
row "generated: commons validate (1 thread)" gen_commons_1core "$GEN_FILES" "$GEN_BYTES"
row "generated: PyYAML CSafeLoader parse only (floor)" gen_pyyaml "$GEN_FILES" "$GEN_BYTES"
row "conformance: commons validate (all cores)" cor_commons "$COR_FILES" "$COR_BYTES"
row "conformance: commons validate (1 thread)" cor_commons_1core "$COR_FILES" "$COR_BYTES"
row "conformance: PyYAML CSafeLoader parse only (floor)" cor_pyyaml "$COR_FILES" "$COR_BYTES"
