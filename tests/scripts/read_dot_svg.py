#!/usr/bin/python3
"""Reads the SVG that Graphviz (`dot -Tsvg`) drew from a casegraph DOT export
and prints, as JSON, what Graphviz made of it: the clusters, nodes and edges
it drew (by their <title>, which Graphviz sets to the DOT id, "n3", "n1->n20",
"cluster_1") and the text it wrote inside each, so a test can check that every
entity, link and cluster was drawn with its label.

    /usr/bin/python3 tests/scripts/read_dot_svg.py FILE.svg
"""
import json
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main():
    root = ET.parse(sys.argv[1]).getroot()
    out = {"clusters": {}, "nodes": {}, "edges": []}
    for g in root.iter(SVG + "g"):
        cls = g.get("class")
        title = g.find(SVG + "title")
        if title is None or cls not in ("cluster", "node", "edge"):
            continue
        texts = [t.text or "" for t in g.iter(SVG + "text")]
        if cls == "cluster":
            out["clusters"][title.text] = texts
        elif cls == "node":
            out["nodes"][title.text] = texts
        else:
            out["edges"].append({"title": title.text, "texts": texts})
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
