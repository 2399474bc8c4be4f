#!/usr/bin/env python3
"""Writes at least N distinct search requests drawn from a generated corpus, one path per line.

Usage: gen_queries.py CORPUSDIR N OUTFILE [SEED]

Each request takes one to three consecutive words of an entry's description in one of its
languages (a Chinese query is two to four characters), misspells one word in about one request
of ten, adds a facet filter from the same entry in about one of three and a sort in one of
five, and asks for the answer in that language. So no answer cache can carry a run through
them: bench/catalog.sh measures the uncached search with these.
"""
import os
import random
import re
import sys
import urllib.parse

import yaml

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
SORTS = ["name", "updated", "vitality", "security"]
UN_LANGUAGES = {"ar", "zh", "en", "fr", "ru", "es"}


def typo(word, rng):
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2:]


def words_of(text, lang):
    if lang == "zh":
        chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        return ["".join(chars[i:i + 2]) for i in range(0, max(0, len(chars) - 1), 2)]
    return WORD.findall(text)


def main():
    corpus, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 20261203)
    dirs = sorted(os.listdir(corpus))
    sample = [os.path.join(corpus, d, "publiccode.yml") for d in rng.sample(dirs, min(len(dirs), 4000))]
    entries = []
    for path in sample:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                entries.append(yaml.safe_load(f))
    seen = set()
    tries = 0
    while len(seen) < n and tries < n * 20:
        tries += 1
        doc = rng.choice(entries)
        langs = sorted(set(doc["description"]) & UN_LANGUAGES) or sorted(doc["description"])
        lang = rng.choice(langs)
        d = doc["description"][lang]
        words = words_of(d.get("shortDescription", "") + " " + d.get("longDescription", ""), lang)
        if not words:
            continue
        k = rng.randint(1, 3)
        start = rng.randrange(0, max(1, len(words) - k))
        chosen = words[start:start + k]
        if rng.random() < 0.1 and lang != "zh":
            j = rng.randrange(len(chosen))
            chosen[j] = typo(chosen[j], rng)
        params = [("q", " ".join(chosen)), ("lang", lang)]
        if rng.random() < 1 / 3:
            facet = rng.choice(["category", "license", "developmentStatus"])
            value = {"category": lambda: rng.choice(doc.get("categories") or ["data-collection"]),
                     "license": lambda: doc["legal"]["license"],
                     "developmentStatus": lambda: doc["developmentStatus"]}[facet]()
            params.append((facet, value))
        if rng.random() < 0.2:
            params.append(("sort", rng.choice(SORTS)))
        seen.add("/api/v1/software?" + urllib.parse.urlencode(params))
    with open(out, "w", encoding="utf-8") as f:
        for path in sorted(seen, key=lambda _: rng.random()):
            f.write(path + "\n")
    print(f"{len(seen)} distinct requests")


if __name__ == "__main__":
    main()
