#!/usr/bin/env bash
# A crawl to look at, in one command: serves a few of the demo entries as real git repositories
# on loopback (the real `git http-backend`), writes a publishers registry naming them, and starts
# `commons serve` crawling it, with a repository whose file is invalid and one without a file, so
# the crawl status page has something to explain; the listed repositories get the files and
# history a maintained project has, so their assessments have something to find. Open the
# printed address; Ctrl-C stops it all.
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

# commit_as DIR DAYS_AGO NAME MESSAGE: commits everything in DIR as NAME, dated DAYS_AGO days ago.
commit_as() {
    local work=$1 when name=$3 message=$4
    when="$(date -d "-$2 days" -R)"
    git -C "$work" add -A
    GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" git -C "$work" \
        -c user.name="$name" -c user.email="${name,,}@example.org" commit -q -m "$message"
}

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
    commit_as "$work" 365 Demo "Initial import"
    if [ -n "$file" ]; then
        furnish "$work"
    fi
    git clone -q --bare "$work" "$DIR/git/$name.git"
    rm -rf "$work"
}

# furnish DIR: what a maintained project holds, so that the assessments have something to
# find: a license text (from Debian's common-licenses when the declared license is there, MIT
# written out), a security policy, a contributing guide, a CI workflow with tests, a year of
# commits by three people, and a release tag.
furnish() {
    local work=$1 license day
    license=$(sed -n 's/^ *license: *//p' "$work/publiccode.yml" | head -1)
    case "$license" in
        GPL-3.0-*) [ -f /usr/share/common-licenses/GPL-3 ] && cp /usr/share/common-licenses/GPL-3 "$work/LICENSE" ;;
        Apache-2.0) [ -f /usr/share/common-licenses/Apache-2.0 ] && cp /usr/share/common-licenses/Apache-2.0 "$work/LICENSE" ;;
        MIT) cat >"$work/LICENSE" <<'MIT'
MIT License

Copyright (c) 2026 The project's authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
MIT
        ;;
    esac
    printf '# Security policy\n\nReport vulnerabilities to security@example.org.\n' >"$work/SECURITY.md"
    printf '# Contributing\n\nOpen a merge request; tests must pass.\n' >"$work/CONTRIBUTING.md"
    mkdir -p "$work/.github/workflows" "$work/src"
    cat >"$work/.github/workflows/ci.yml" <<'YML'
name: ci
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: make test
YML
    commit_as "$work" 330 Demo "Project files"
    # A year of work by three people, newest last.
    local names=(Amina Diego Mei) day
    for day in 300 240 180 120 90 60 30 14 7 2; do
        echo "change $day days ago" >>"$work/src/CHANGES"
        commit_as "$work" "$day" "${names[$((day % 3))]}" "Work of $day days ago"
        if [ "$day" = 60 ]; then
            git -C "$work" tag v1.0.0
        fi
    done
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
