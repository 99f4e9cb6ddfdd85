#!/usr/bin/python3
"""Reads a GEXF file with networkx.read_gexf and prints, as JSON, what
networkx made of it: graph class, direction, mode, counts, and every node's
and edge's attributes with their Python types (viz included).

    /usr/bin/python3 tests/scripts/read_gexf.py FILE

networkx 2.8.8 (Debian 12) knows the GEXF namespaces of 1.1draft and
1.2draft only; later networkx releases add 1.3 (http://gexf.net/1.3), which is
what casegraph writes. When the installed networkx lacks it, this script
registers the 1.3 namespaces with networkx's own reader, as those releases
do, and maps the 1.3 time format "dateTime" to text. Everything else is
networkx's own parsing. export_formats_test.cpp asserts on the output.
"""
import json
import math
import sys


def typed(value):
    if isinstance(value, float) and math.isnan(value):
        return {"type": "float", "value": None}
    if isinstance(value, dict):
        return {"type": "dict", "value": {k: typed(v) for k, v in sorted(value.items())}}
    return {"type": type(value).__name__, "value": value}


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    import networkx as nx
    from networkx.readwrite import gexf

    shimmed = False
    if "1.3" not in gexf.GEXF.versions:
        gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
        shimmed = True
    original = gexf.GEXF.construct_types

    def construct_types(self):
        original(self)
        self.python_type.setdefault("dateTime", str)
        self.python_type.setdefault("datetime", str)

    gexf.GEXF.construct_types = construct_types
    out = {"networkx": nx.__version__, "namespace_shim": shimmed}
    try:
        g = nx.read_gexf(sys.argv[1])
    except Exception as e:  # report the reader's own complaint to the test
        out["error"] = f"{type(e).__name__}: {e}"
        json.dump(out, sys.stdout)
        return 0
    out.update({
        "class": type(g).__name__,
        "directed": g.is_directed(),
        "mode": g.graph.get("mode"),
        "node_count": g.number_of_nodes(),
        "edge_count": g.number_of_edges(),
        "nodes": {str(n): {k: typed(v) for k, v in sorted(d.items())} for n, d in g.nodes(data=True)},
        "edges": sorted(
            ({"source": u, "target": v, "attributes": {k: typed(x) for k, x in sorted(d.items())}}
             for u, v, d in g.edges(data=True)),
            key=lambda e: e["attributes"].get("id", {}).get("value", "")),
    })
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
