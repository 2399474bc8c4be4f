#!/usr/bin/env bash
# Real-browser tests of the web UI (crates/server/tests/browser).
#
# Installs what is missing (Debian's chromium and fonts for Arabic and CJK; the pinned npm
# packages into the repository with `npm ci`), builds `commons`, starts `commons serve --demo`
# on a free loopback port with a temporary data directory, runs the tests with node's test
# runner, and stops the server.
#
#   scripts/browser-tests.sh                 # screenshots go to target/browser-screenshots/
#   scripts/browser-tests.sh --screenshots   # ...and refresh docs/screenshots/
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tests="$root/crates/server/tests/browser"
shots="$root/target/browser-screenshots"
if [[ "${1:-}" == "--screenshots" ]]; then
  shots="$root/docs/screenshots"
fi

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
# Fonts with Arabic and Chinese glyphs, so that pages (and screenshots) render every script.
dpkg -s fonts-noto-core >/dev/null 2>&1 || need_packages+=(fonts-noto-core)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need_packages+=(fonts-wqy-zenhei)
if ((${#need_packages[@]})); then
  echo "browser-tests: installing ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

if [[ ! -d "$tests/node_modules/playwright-core" || ! -d "$tests/node_modules/axe-core" ]]; then
  (cd "$tests" && npm ci --no-audit --no-fund --loglevel=error)
fi

cargo build --quiet -p commons-cli
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
# Search by meaning with the model the tests already have (scripts/embed-reference.sh)
# rather than a download per run; without it the demo fetches its own.
if [ -n "${COMMONS_EMBED_MODEL:-}" ]; then export COMMONS_SEARCH_MODEL_DIR="$COMMONS_EMBED_MODEL"; fi
"$root/target/debug/commons" serve --config "$root/scripts/no-rate-limit.toml" --demo --listen "127.0.0.1:$port" --data "$data" >"$data/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

# The demo is assessed before the server is ready: about 25 s for a debug build on two idle
# cores, more on a loaded machine. Up to two minutes, then a clear failure rather than tests
# against nothing.
ready=""
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=1; break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$data/server.log"; exit 1; fi
  sleep 0.2
done
if [[ -z "$ready" ]]; then
  echo "browser-tests: the server was not ready after two minutes" >&2
  cat "$data/server.log" >&2
  exit 1
fi

cd "$tests"
BASE_URL="http://127.0.0.1:$port" SCREENSHOT_DIR="$shots" node --test --test-concurrency=1 ui.test.mjs

# The security fixture is no demo entry: imported now, beside the demo (the running server
# indexes it), for the tests of hostile text in a real browser.
"$root/target/debug/commons" import "$root/crates/demo/fixtures/markup-sanitiser-fixture.yml" \
  --publisher unicc --force-owner --data "$data" >/dev/null
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/api/v1/software?organisation=unicc&limit=100" | grep -q 'Sanitiser Fixture'; then break; fi
  sleep 0.2
done
BASE_URL="http://127.0.0.1:$port" SCREENSHOT_DIR="$shots" node --test --test-concurrency=1 security.test.mjs
