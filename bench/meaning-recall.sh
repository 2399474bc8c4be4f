#!/usr/bin/env bash
# How closely the meaning search's sign-bit shortcut finds what an exact scan finds, and at
# what cost: N generated entries (bench/gen_realistic.py; default 100,000, about 140,000
# texts) embedded with the real model (kept in bench/out/meaning-recall-N/vectors.bin, so a
# rerun embeds nothing), then the judged queries of bench/relevance/queries.tsv and a sample
# of the entries' own vectors searched exactly and through the signs.
#   bench/meaning-recall.sh            # 100,000 entries (the first run embeds for ~10 min)
#   N=20000 bench/meaning-recall.sh
#   MODEL=DIR bench/meaning-recall.sh  # an installed model directory
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-100000}
out=bench/out/meaning-recall-$n
mkdir -p "$out"
cargo build --quiet --release -p commons-cli
cargo build --quiet --release -p commons-server --example meaning_recall
if [ -z "${MODEL:-}" ]; then
    target/release/commons model fetch --data bench/out/relevance >&2
    MODEL=bench/out/relevance/models/use-m3
fi
if [ ! -f "$out/corpus/.done" ]; then
    rm -rf "$out/corpus"
    python3 bench/gen_realistic.py "$n" "$out/corpus" >&2
    touch "$out/corpus/.done"
fi
target/release/examples/meaning_recall --model "$MODEL" --vectors "$out/vectors.bin" \
    --queries bench/relevance/queries.tsv "$out/corpus"
