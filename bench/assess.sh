#!/usr/bin/env bash
# Assessment benchmark: a repository of 100,000 commits made with `git fast-import`;
# the vitality walk against `git log --format='%H %ae %at' | wc -l` over the same history in
# the same run; the whole assessment; license detection throughput.
# Usage: bench/assess.sh [COMMITS] (default 100000). Needs git, python3, a Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
commits="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release -q -p commons-assess --example assess_bench
bench_bin="target/release/examples/assess_bench"

repo="$work/repo"
git init -q -b main "$repo"
license="$work/LICENSE"
"$bench_bin" --license-text > "$license"
gen_start=$(date +%s.%N)
python3 bench/assess_gen.py "$commits" "$(date +%s)" "$license" | git -C "$repo" fast-import --quiet
git -C "$repo" checkout -q main
gen_end=$(date +%s.%N)
echo "generated $commits commits in $(echo "$gen_end - $gen_start" | bc) s ($(du -sh "$repo/.git" | cut -f1))"

# Median of 11 runs of each, alternating, so that both see the same cache state.
gitlog=()
walk=()
for i in $(seq 11); do
  s=$(date +%s.%N)
  n=$(git -C "$repo" log --format='%H %ae %at' | wc -l)
  e=$(date +%s.%N)
  gitlog+=("$(echo "$e - $s" | bc)")
  out=$("$bench_bin" "$repo" 3000)
  walk+=("$(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["walkSeconds"])')")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 6p; }
echo "git log | wc -l: $n lines, median $(median "${gitlog[@]}") s (runs: ${gitlog[*]})"
echo "vitality walk:   median $(median "${walk[@]}") s (runs: ${walk[*]})"
echo "last run: $out"
