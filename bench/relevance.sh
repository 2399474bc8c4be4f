#!/usr/bin/env bash
# Relevance of search over the demo catalog: the judged queries of bench/relevance/queries.tsv
# (ten or more per UN language, paraphrased; plus English keyword queries) run by words only,
# by meaning only and both fused (what the server does), with the top-3 hit rate and the mean
# reciprocal rank per language, then every miss. Installs the sentence-embedding model into
# bench/out/relevance/models/use-m3 with `commons model fetch` when MODEL is not given.
#   bench/relevance.sh                 # the whole table (Markdown) on stdout
#   VERBOSE=1 bench/relevance.sh       # also each query's five nearest entries and their cosines
#   MODEL=DIR bench/relevance.sh       # an installed model directory (sp.model, weights.npz)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/relevance
mkdir -p "$out"
cargo build --quiet --release -p commons-cli
cargo build --quiet --release -p commons-server --example relevance
if [ -z "${MODEL:-}" ]; then
    target/release/commons model fetch --data "$out" >&2
    MODEL="$out/models/use-m3"
fi
args=(--model "$MODEL")
if [ -n "${VERBOSE:-}" ]; then args+=(--verbose); fi
target/release/examples/relevance "${args[@]}" bench/relevance/queries.tsv
