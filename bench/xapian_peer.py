#!/usr/bin/python3
"""The engine-level peer of the catalog benchmark: the same corpus and query mix through Xapian
(Debian's python3-xapian, a mature C++ engine with facets), timed per query in-process.

    xapian_peer.py CORPUS.jsonl QUERIES.txt DBDIR [COUNT] [TOTALS_OUT]

CORPUS is what Commons' index holds of each entry (crates/search/examples/peer_corpus.rs):
names, short and long texts per analysed language, facet values. Each entry is indexed as
Commons indexes it: names unstemmed, texts stemmed in their language (Chinese as CJK n-grams),
every facet value a filter term. The first COUNT requests of QUERIES (API paths from
bench/gen_queries.py) are run as Commons runs them: every word must match, in any field (name
weighted 4, short description 2, long 1), the last word also as a prefix; facet filters (values
of one facet OR-ed), a sort, the top 20, and exact counts of every facet's values over all
matches (Xapian's ValueCountMatchSpy, one value slot per position of a multi-valued facet).
Xapian has no typo tolerance, so it does less work per word than Commons: the report says so.
"""

import json
import os
import re
import shutil
import sys
import time
import urllib.parse

import xapian

STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
NAME_SLOT = 0
UPDATED_SLOT = 1
FIRST_FACET_SLOT = 10
LIMIT = 20


def field_prefix(kind, lang):
    return "X" + kind + lang.upper()


def facet_term(facet, value):
    return "XF" + facet.upper() + ":" + value


def facet_slots(corpus):
    """Slots per facet: one per position, as many as the entry with the most values needs."""
    widest = {}
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            for facet, values in json.loads(line)["facets"].items():
                widest[facet] = max(widest.get(facet, 0), len(values))
    slots, next_slot = {}, FIRST_FACET_SLOT
    for facet in sorted(widest):
        slots[facet] = list(range(next_slot, next_slot + max(widest[facet], 1)))
        next_slot += max(widest[facet], 1)
    return slots


def build(corpus, dbdir, slots):
    if os.path.exists(dbdir):
        shutil.rmtree(dbdir)
    db = xapian.WritableDatabase(dbdir, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    count = 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            doc = xapian.Document()
            generator.set_document(doc)
            generator.set_stemmer(xapian.Stem("none"))
            generator.set_stemming_strategy(xapian.TermGenerator.STEM_NONE)
            for name in entry["names"]:
                generator.index_text(name, 1, "XN")
            for lang, (shorts, longs) in entry["texts"].items():
                stemmer = STEMMERS.get(lang)
                generator.set_stemmer(xapian.Stem(stemmer or "none"))
                generator.set_stemming_strategy(
                    xapian.TermGenerator.STEM_ALL if stemmer else xapian.TermGenerator.STEM_NONE
                )
                for text in shorts:
                    generator.index_text(text, 1, field_prefix("S", lang))
                for text in longs:
                    generator.index_text(text, 1, field_prefix("L", lang))
            for facet, values in entry["facets"].items():
                for position, value in enumerate(values):
                    doc.add_boolean_term(facet_term(facet, value))
                    doc.add_value(slots[facet][position], value)
            doc.add_value(NAME_SLOT, entry["name"])
            doc.add_value(UPDATED_SLOT, xapian.sortable_serialise(entry["updated"]))
            doc.set_data(entry["id"])
            db.add_document(doc)
            count += 1
    db.commit()
    db.close()
    return count


def parsers(db):
    """One query parser per field, each with its field's analysis."""
    fields = [("XN", None, 4.0)]
    for lang in ["en", "fr", "es", "ru", "ar", "zh", "other"]:
        fields.append((field_prefix("S", lang), STEMMERS.get(lang), 2.0))
        fields.append((field_prefix("L", lang), STEMMERS.get(lang), 1.0))
    made = []
    for prefix, stemmer, weight in fields:
        parser = xapian.QueryParser()
        parser.set_database(db)
        parser.set_default_op(xapian.Query.OP_AND)
        if stemmer:
            parser.set_stemmer(xapian.Stem(stemmer))
            parser.set_stemming_strategy(xapian.QueryParser.STEM_ALL)
        made.append((parser, prefix, weight))
    return made


def word_query(parsers_, word, last):
    flags = xapian.QueryParser.FLAG_CJK_NGRAM
    if last and len(word) >= 3:
        flags |= xapian.QueryParser.FLAG_PARTIAL
    alternatives = []
    for parser, prefix, weight in parsers_:
        parsed = parser.parse_query(word, flags, prefix)
        if not parsed.empty():
            alternatives.append(xapian.Query(xapian.Query.OP_SCALE_WEIGHT, parsed, weight))
    if not alternatives:
        return None
    return xapian.Query(xapian.Query.OP_OR, alternatives)


def request_of(path):
    params = urllib.parse.parse_qsl(path.split("?", 1)[1] if "?" in path else "")
    text, sort, filters = "", "relevance", {}
    for key, value in params:
        if key == "q":
            text = value
        elif key == "sort":
            sort = value
        elif key not in ("lang", "limit", "cursor"):
            filters.setdefault(key, []).append(value)
    return text, sort, filters


def search(db, parsers_, slots, path, with_facets=True):
    text, sort, filters = request_of(path)
    words = [w for w in re.split(r"[\s!-/:-@\[-`{-~]+", text[:200]) if w][:8]
    musts = []
    for i, word in enumerate(words):
        query = word_query(parsers_, word, i + 1 == len(words))
        if query is not None:
            musts.append(query)
    query = xapian.Query(xapian.Query.OP_AND, musts) if musts else xapian.Query.MatchAll
    for facet, values in filters.items():
        any_of = xapian.Query(
            xapian.Query.OP_OR, [xapian.Query(facet_term(facet, v)) for v in values]
        )
        query = xapian.Query(xapian.Query.OP_FILTER, query, any_of)
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    if sort == "name":
        enquire.set_sort_by_value_then_relevance(NAME_SLOT, False)
    elif sort == "updated":
        enquire.set_sort_by_value_then_relevance(UPDATED_SLOT, True)
    spies = {}
    for facet, facet_slots_ in slots.items() if with_facets else []:
        spies[facet] = [xapian.ValueCountMatchSpy(slot) for slot in facet_slots_]
        for spy in spies[facet]:
            enquire.add_matchspy(spy)
    mset = enquire.get_mset(0, LIMIT, db.get_doccount())
    facets = {}
    for facet, facet_spies in spies.items():
        counts = {}
        for spy in facet_spies:
            for item in spy.values():
                counts[item.term] = counts.get(item.term, 0) + item.termfreq
        facets[facet] = counts
    hits = [m.document.get_data() for m in mset]
    return mset.get_matches_estimated(), hits, facets


def report(times, label):
    ordered = sorted(times)

    def at(p):
        return ordered[int((len(ordered) - 1) * p)]

    mean = sum(times) / len(times)
    print(
        f"xapian, {label}: {len(times)} searches: mean {mean:.2f} ms, p50 {at(0.5):.2f}, "
        f"p90 {at(0.9):.2f}, p99 {at(0.99):.2f}, max {at(1.0):.2f} ms"
    )


def main():
    corpus, queries, dbdir = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    totals_out = sys.argv[5] if len(sys.argv) > 5 else None
    slots = facet_slots(corpus)
    if not (os.environ.get("REUSE") and os.path.exists(dbdir)):
        started = time.perf_counter()
        indexed = build(corpus, dbdir, slots)
        print(f"xapian: indexed {indexed} entries in {time.perf_counter() - started:.1f} s")
    db = xapian.Database(dbdir)
    parsers_ = parsers(db)
    with open(queries, encoding="utf-8") as lines:
        paths = [line.strip() for line in lines if line.strip()][:count]
    totals = []
    for with_facets in (True, False):
        times = []
        for path in paths:
            started = time.perf_counter()
            total, _hits, _facets = search(db, parsers_, slots, path, with_facets)
            times.append((time.perf_counter() - started) * 1000.0)
            if with_facets:
                totals.append(total)
        report(times, "with facet counts" if with_facets else "top 20 only, no facet counts")
    if totals_out:
        with open(totals_out, "w", encoding="utf-8") as out:
            for path, total in zip(paths, totals):
                out.write(f"{total}\t{path}\n")


if __name__ == "__main__":
    main()
