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
  if curl -fsS --max-time 2 "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=1; break; fi
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

# Sign-in: a real OpenID Connect provider (tests/oidc) and a second catalog configured with
# it; Chromium signs in as an administrator and as a plain user.
oidc="$root/crates/server/tests/oidc"
if [[ ! -d "$oidc/node_modules/oidc-provider" ]]; then
  (cd "$oidc" && npm ci --no-audit --no-fund --loglevel=error)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
signin_port="$(free_port)"
provider_port="$(free_port)"
signin_data="$(mktemp -d)"
secret="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
printf '%s\n' "$secret" >"$signin_data/oidc-secret"
cat >"$signin_data/commons.toml" <<TOML
[rate_limit]
enabled = false
[oidc]
issuer = "http://127.0.0.1:$provider_port"
client_id = "commons"
client_secret_file = "$signin_data/oidc-secret"
public_url = "http://127.0.0.1:$signin_port"
[access]
admins = ["root@example.org"]
TOML
(cd "$oidc" && PORT="$provider_port" CLIENT_SECRET="$secret" \
  REDIRECT_URIS="http://127.0.0.1:$signin_port/auth/callback" \
  POST_LOGOUT_REDIRECT_URIS="http://127.0.0.1:$signin_port/" \
  exec node provider.mjs >"$signin_data/provider.log" 2>&1) &
provider=$!
"$root/target/debug/commons" serve --config "$signin_data/commons.toml" --listen "127.0.0.1:$signin_port" \
  --data "$signin_data/data" >"$signin_data/server.log" 2>&1 &
signin_server=$!
cleanup_signin() {
  kill "$provider" "$signin_server" 2>/dev/null || true
  wait "$provider" "$signin_server" 2>/dev/null || true
  rm -rf "$signin_data"
  cleanup
}
trap cleanup_signin EXIT
for _ in $(seq 1 300); do
  if curl -fsS --max-time 2 "http://127.0.0.1:$signin_port/readyz" >/dev/null 2>&1 &&
     curl -fsS "http://127.0.0.1:$provider_port/.well-known/openid-configuration" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
BASE_URL="http://127.0.0.1:$signin_port" SCREENSHOT_DIR="$shots" node --test --test-concurrency=1 signin.test.mjs
