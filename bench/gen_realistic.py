#!/usr/bin/env python3
"""Writes N valid publiccode.yml files whose texts vary as real catalogs' do.

Usage: gen_realistic.py N OUTDIR [SEED]

Each file starts from one of the demo catalog's entries (crates/demo/data: real-looking
descriptions in the six UN languages) and varies it: its long description mixes the template's
sentences with sentences of two other entries in the same language, shuffled and cut to 3-8
sentences; its features come from the pool of every entry's features in that language; its
name gets a place and a number; categories, countries, licence, status and maintenance vary
within the values the demo uses. So a word matches the entries whose texts use it (a few
percent for a distinctive word, many for a common one), not nearly all of them as with
gen_publiccode.py's repeated sentences, which bench/catalog.sh keeps as the worst case.
"""
import copy
import os
import random
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "crates", "demo", "data")
PLACES = ["Nairobi", "Dakar", "Amman", "Quito", "Dhaka", "Tashkent", "Suva", "Lima", "Tunis",
          "Kampala", "Manila", "Beirut", "Bogotá", "Hanoi", "Accra", "Yerevan", "Maputo", "Erbil"]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")


def load_templates():
    templates = []
    for root, _, files in os.walk(DEMO):
        for name in sorted(files):
            if not name.endswith(".yml") or name == "publishers.yml":
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                doc = yaml.safe_load(f)
            if isinstance(doc, dict) and doc.get("description"):
                templates.append(doc)
    if not templates:
        sys.exit("gen_realistic.py: no demo entries under " + DEMO)
    return templates


def pools(templates):
    sentences, features, shorts = {}, {}, {}
    for t in templates:
        for lang, d in t["description"].items():
            sentences.setdefault(lang, []).extend(
                s.strip() for s in SENTENCE.split(" ".join(d.get("longDescription", "").split()))
                if len(s.strip()) > 20)
            features.setdefault(lang, []).extend(d.get("features") or [])
            shorts.setdefault(lang, []).append(d.get("shortDescription", ""))
    return sentences, features, shorts


def vary(n, rng, templates, sentences, features):
    t = rng.choice(templates)
    doc = copy.deepcopy(t)
    place = rng.choice(PLACES)
    doc["name"] = f"{t['name']} {place} {n:06d}"
    doc["url"] = f"https://git.example.org/realistic/{n:06d}/{re.sub('[^a-z0-9]+', '-', t['name'].lower())}"
    for key in ("landingURL", "logo", "roadmap", "isBasedOn"):
        doc.pop(key, None)
    all_categories = sorted({c for x in templates for c in x.get("categories", [])})
    doc["categories"] = sorted(set(t.get("categories", [])[:2] + rng.sample(all_categories, rng.randint(0, 2))))
    all_countries = sorted({c for x in templates for c in (x.get("intendedAudience") or {}).get("countries", [])})
    audience = doc.setdefault("intendedAudience", {})
    audience["countries"] = rng.sample(all_countries, rng.randint(0, 3)) if all_countries else []
    if not audience["countries"]:
        audience.pop("countries")
    doc["legal"]["license"] = rng.choice(sorted({x["legal"]["license"] for x in templates}))
    doc["developmentStatus"] = rng.choice(["stable", "stable", "beta", "development", "obsolete", "concept"])
    for lang, d in doc["description"].items():
        own = [s.strip() for s in SENTENCE.split(" ".join(d.get("longDescription", "").split())) if len(s.strip()) > 20]
        others = rng.sample(sentences.get(lang, []), min(4, len(sentences.get(lang, []))))
        mixed = own + others
        rng.shuffle(mixed)
        long = " ".join(mixed[: rng.randint(3, 8)])
        while len(long) < 160:
            long += " " + rng.choice(sentences[lang])
        d["longDescription"] = long + "\n"
        pool = features.get(lang) or d.get("features") or []
        if pool:
            d["features"] = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
        d.pop("screenshots", None)
        d.pop("videos", None)
    return doc


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261203)
    templates = load_templates()
    sentences, features, _ = pools(templates)
    for i in range(n):
        doc = vary(i, rng, templates, sentences, features)
        path = os.path.join(out, f"{i:06d}")
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "publiccode.yml"), "w", encoding="utf-8") as f:
            yaml.dump(doc, f, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100)


if __name__ == "__main__":
    main()
