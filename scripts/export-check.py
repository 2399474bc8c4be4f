"""Reads the server's exports with real parsers (run by scripts/export-check.sh).

    export-check.py BASE_URL SHAPES_DIR CODEMETA_CONTEXT

- /api/v1/export/dcat-ap.ttl: parsed by rdflib, validated by pySHACL against the DCAT-AP 3.0.0
  shapes, twice: as DCAT-AP's own instructions say (shapes.ttl, range.ttl as the extra
  ontology graph) and with range.ttl's class-range shapes applied as shapes too. Any violation
  fails; warnings are printed and counted.
- /api/v1/software/{id}/codemeta.json of a demo entry: expanded by pyld, a JSON-LD processor,
  with a document loader that serves the CodeMeta 3.0 context from a local copy (no network);
  name, codeRepository and license must expand to schema.org IRIs with the entry's values.
- /api/v1/export/catalog.json: parsed by Python's json; every entry of the search API is in it,
  with the raw publiccode.yml the API serves.
"""

import json
import sys
import urllib.request

import pyshacl
import rdflib
from pyld import jsonld

SCHEMA = "http://schema.org/"
CODEMETA_CONTEXT_URL = "https://w3id.org/codemeta/3.0"


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=120) as response:
        return response.headers.get("content-type", ""), response.read()


def check_dcat(base, shapes_dir):
    content_type, body = get(base, "/api/v1/export/dcat-ap.ttl")
    assert content_type.startswith("text/turtle"), content_type
    data = rdflib.Graph().parse(data=body, format="turtle")
    records = set(data.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/dcat#CatalogRecord")))
    print(f"dcat-ap.ttl: {len(data)} triples, {len(records)} catalog records")
    shapes = rdflib.Graph().parse(f"{shapes_dir}/shapes.ttl", format="turtle")
    ranges = rdflib.Graph().parse(f"{shapes_dir}/range.ttl", format="turtle")
    both = shapes + ranges
    failures = 0
    for label, shape_graph, ont_graph in [
        ("shapes.ttl with range.ttl as ontology", shapes, ranges),
        ("shapes.ttl and range.ttl as shapes", both, None),
    ]:
        conforms, report, text = pyshacl.validate(
            data, shacl_graph=shape_graph, ont_graph=ont_graph, inference="none", advanced=True
        )
        sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
        results = list(report.subjects(rdflib.RDF.type, sh.ValidationResult))
        severities = [report.value(r, sh.resultSeverity) for r in results]
        violations = sum(1 for s in severities if s == sh.Violation)
        warnings = sum(1 for s in severities if s == sh.Warning)
        print(f"pySHACL ({label}): conforms={conforms}, {violations} violations, {warnings} warnings")
        if violations or warnings:
            print(text)
        if violations or not conforms:
            failures += 1
    return len(records), failures


def local_loader(context_path):
    with open(context_path, encoding="utf-8") as f:
        context = json.load(f)

    def load(url, options=None):
        if url.rstrip("/") != CODEMETA_CONTEXT_URL:
            raise jsonld.JsonLdError(f"no network: {url} is not served locally", "loading document failed")
        return {"contextUrl": None, "documentUrl": url, "document": context}

    return load


def first(expanded, prop):
    values = expanded.get(SCHEMA + prop, [])
    assert values, f"no {SCHEMA + prop} in the expanded document"
    return values[0].get("@value", values[0].get("@id"))


def check_codemeta(base, context_path, entry_id):
    content_type, body = get(base, f"/api/v1/software/{entry_id}/codemeta.json")
    assert content_type.startswith("application/ld+json"), content_type
    document = json.loads(body)
    assert document["@context"] == CODEMETA_CONTEXT_URL, document["@context"]
    expanded = jsonld.expand(document, {"documentLoader": local_loader(context_path)})
    assert len(expanded) == 1, expanded
    node = expanded[0]
    assert node["@type"] == [SCHEMA + "SoftwareSourceCode"], node["@type"]
    _, raw = get(base, f"/api/v1/software/{entry_id}")
    entry = json.loads(raw)["publiccode"]
    assert first(node, "name") == entry["name"], (first(node, "name"), entry["name"])
    assert first(node, "codeRepository") == entry["url"], first(node, "codeRepository")
    licence = first(node, "license")
    assert licence.startswith("https://spdx.org/licenses/"), licence
    assert licence.rsplit("/", 1)[1] in entry["legal"]["license"], licence
    print(f"codemeta.json of {entry_id}: expanded by pyld; name, codeRepository and license are schema.org IRIs")


def listed_ids(base):
    ids, cursor = [], None
    while True:
        path = "/api/v1/software?sort=name&limit=100" + (f"&cursor={cursor}" if cursor else "")
        _, body = get(base, path)
        page = json.loads(body)
        ids += [item["id"] for item in page["items"]]
        cursor = page.get("next")
        if not cursor:
            return ids


def check_dump(base, ids):
    content_type, body = get(base, "/api/v1/export/catalog.json")
    assert content_type.startswith("application/json"), content_type
    dump = json.loads(body)
    assert dump["format"] == "commons-catalog-dump" and dump["version"] == 1, dump.get("format")
    by_id = {entry["id"]: entry for entry in dump["software"]}
    assert sorted(by_id) == sorted(ids), (sorted(set(ids) ^ set(by_id)))
    for entry_id in ids:
        _, raw = get(base, f"/api/v1/software/{entry_id}/publiccode.yml")
        assert by_id[entry_id]["publiccodeYml"] == raw.decode("utf-8"), entry_id
    print(f"catalog.json: {len(by_id)} entries, {len(dump['organisations'])} organisations, raw texts equal the API's")


def main():
    base, shapes_dir, context_path = sys.argv[1:4]
    ids = listed_ids(base)
    assert ids, "the demo catalog lists entries"
    records, failures = check_dcat(base, shapes_dir)
    assert records == len(ids), (records, len(ids))
    check_codemeta(base, context_path, ids[0])
    check_dump(base, ids)
    if failures:
        sys.exit("DCAT-AP export has SHACL violations")


if __name__ == "__main__":
    main()
