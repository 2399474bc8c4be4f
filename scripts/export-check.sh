#!/usr/bin/env bash
# Export check: the catalog's exports read back by real parsers, against a real
# `commons serve --demo`. The DCAT-AP Turtle is validated by pySHACL with the DCAT-AP 3.0.0
# shapes from ../shared (any violation fails), a CodeMeta document is expanded by pyld with a
# local copy of the CodeMeta 3.0 context (there is no network at test time), and the JSON dump
# is parsed and compared with the API (scripts/export-check.py). Installs pyshacl, rdflib and
# pyld into target/export-venv when missing. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/export-venv
SHAPES=${DCAT_AP_SHAPES:-../shared/spec/dcat-ap-3.0.0}
if ! "$VENV/bin/python" -c 'import pyshacl, rdflib, pyld' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyshacl rdflib pyld
fi
. scripts/lib/demo-server.sh
"$VENV/bin/python" scripts/export-check.py "http://127.0.0.1:$PORT" "$SHAPES" \
    crates/server/tests/fixtures/codemeta-3.0.jsonld
