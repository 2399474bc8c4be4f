#!/usr/bin/env bash
# A crawl to look at, in one command: serves a few of the demo entries as real git repositories
# on loopback (the real `git http-backend`), writes a publishers registry naming them, and starts
# `commons serve` crawling it, with a repository whose file is invalid and one without a file, so
# the crawl status page has something to explain. Open the printed address; Ctrl-C stops it all.
#   scripts/demo-crawl.sh [LISTEN]      (default 127.0.0.1:8080)
set -euo pipefail
cd "$(dirname "$0")/.."
LISTEN=${1:-127.0.0.1:8080}
DIR=target/demo-crawl
rm -rf "$DIR"
mkdir -p "$DIR/git"
cargo build --release -q -p commons-cli

python3 bench/crawl_server.py "$DIR/git" "$DIR/port" &
GIT_SERVER=$!
trap 'kill $GIT_SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$DIR/port" ] && break; sleep 0.1; done
PORT=$(cat "$DIR/port")
BASE="http://127.0.0.1:$PORT"

# publish NAME FILE: a bare repository NAME.git whose HEAD holds FILE as publiccode.yml, with
# its `url` pointing at where it is served.
publish() {
    local name=$1 file=$2 work
    work=$(mktemp -d)
    git init -q -b main "$work"
    if [ -n "$file" ]; then
        python3 - "$file" "$BASE/$name.git" >"$work/publiccode.yml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(re.sub(r'(?m)^url: .*$', 'url: "%s"' % sys.argv[2], text, count=1), end="")
PY
    else
        echo "# No publiccode.yml here yet" >"$work/README.md"
    fi
    git -C "$work" add -A
    git -C "$work" -c user.name=Demo -c user.email=demo@example.org commit -q -m "Initial import"
    git clone -q --bare "$work" "$DIR/git/$name.git"
    rm -rf "$work"
}

publish case-compass crates/demo/data/unicef/case-compass.yml
publish school-census crates/demo/data/unicef/school-census.yml
publish refugee-registration crates/demo/data/unhcr/refugee-registration.yml
publish grievance-redress crates/demo/data/unhcr/grievance-redress.yml
publish early-warning-sms crates/demo/data/ocha/early-warning-sms.yml
# An invalid file (no licence, an unknown status) and a repository without one.
sed -e '/^legal:/,/^[a-z]/{/license:/d}' -e 's/^developmentStatus: .*/developmentStatus: finished/' \
    crates/demo/data/ocha/humanitarian-dashboard.yml >"$DIR/broken.yml"
publish humanitarian-dashboard "$DIR/broken.yml"
publish field-notes ""

cat >"$DIR/publishers.yml" <<YAML
- id: unicef
  name: UNICEF
  hosting:
    - url: $BASE/case-compass.git
      kind: git
    - url: $BASE/school-census.git
      kind: git
- id: unhcr
  name: UNHCR
  hosting:
    - url: $BASE/refugee-registration.git
      kind: git
    - url: $BASE/grievance-redress.git
      kind: git
- id: ocha
  name: OCHA
  hosting:
    - url: $BASE/early-warning-sms.git
      kind: git
    - url: $BASE/humanitarian-dashboard.git
      kind: git
    - url: $BASE/field-notes.git
      kind: git
YAML
target/release/commons publishers check "$DIR/publishers.yml"
echo "Crawling $BASE; the crawl status is at http://$LISTEN/status"
target/release/commons serve --listen "$LISTEN" --data "$DIR/data" \
    --publishers "$DIR/publishers.yml" --crawl-every 1h --allow-host "127.0.0.1:$PORT"
