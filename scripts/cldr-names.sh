#!/usr/bin/env bash
# Regenerates crates/server/locales/cldr/<lang>.json: the names of countries (two-letter
# territory codes) and of languages in the six UN languages, from the Unicode CLDR's
# cldr-localenames-modern package (pinned below; Unicode-3.0 licence, see
# crates/server/locales/cldr/LICENSE). The output is committed; the server embeds it at
# compile time, so neither the build nor the server needs the network or npm.
#   scripts/cldr-names.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=45.0.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cldr-localenames-modern@$version" >/dev/null && tar xzf cldr-localenames-modern-*.tgz)
python3 - "$work/package/main" crates/server/locales/cldr "$version" <<'PY'
import json, pathlib, re, sys
src, dest, version = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
for lang in ["ar", "en", "es", "fr", "ru", "zh"]:
    names = lambda kind: json.loads((src / lang / f"{kind}.json").read_text())["main"][lang]["localeDisplayNames"][kind]
    territories = {k: v for k, v in names("territories").items() if re.fullmatch(r"[A-Z]{2}", k)}
    languages = {k: v for k, v in names("languages").items() if "-alt-" not in k}
    out = {"source": f"Unicode CLDR, cldr-localenames-modern {version}", "territories": territories, "languages": languages}
    (dest / f"{lang}.json").write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, indent=0) + "\n")
    print(f"{lang}: {len(territories)} territories, {len(languages)} languages")
PY
