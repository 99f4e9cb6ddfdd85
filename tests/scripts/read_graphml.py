#!/usr/bin/python3
"""Reads a GraphML file with networkx and with igraph and prints, as JSON,
what each library made of it: graph class, direction, node and edge counts,
and every graph, node and edge attribute with its Python type.

    /usr/bin/python3 tests/scripts/read_graphml.py FILE

graphml_test.cpp asserts on this output: the export must read back, with the
right types, in the two libraries analysts script against. Values are
reported exactly as read: NaN (igraph's "no value" for numeric attributes)
becomes null, igraph's "" for an absent string stays "". Nodes are keyed by
their GraphML id; edges are listed in order of their link_id attribute, then
endpoints.
"""
import json
import math
import sys


def typed(value):
    name = type(value).__name__
    if isinstance(value, float) and math.isnan(value):
        return {"type": name, "value": None}
    if isinstance(value, float) and math.isinf(value):
        return {"type": name, "value": str(value)}
    return {"type": name, "value": value}


def typed_map(attrs):
    return {str(k): typed(v) for k, v in sorted(attrs.items(), key=lambda kv: str(kv[0]))}


def edge_order(edge):
    link = edge["attributes"].get("link_id", {}).get("value")
    return (link if isinstance(link, (int, float)) and link == link else -1, edge["source"], edge["target"])


def read_networkx(path):
    import networkx as nx

    g = nx.read_graphml(path)
    edges = []
    if g.is_multigraph():
        triples = g.edges(keys=False, data=True)
    else:
        triples = g.edges(data=True)
    for u, v, data in triples:
        edges.append({"source": u, "target": v, "attributes": typed_map(data)})
    edges.sort(key=edge_order)
    return {
        "class": type(g).__name__,
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "node_count": g.number_of_nodes(),
        "edge_count": g.number_of_edges(),
        "graph": typed_map({k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")}),
        "nodes": {str(n): typed_map(data) for n, data in g.nodes(data=True)},
        "edges": edges,
    }


def read_igraph(path):
    import igraph as ig

    g = ig.Graph.Read_GraphML(path)
    ids = g.vs["id"] if "id" in g.vs.attributes() else [str(i) for i in range(g.vcount())]
    nodes = {}
    for v in g.vs:
        nodes[ids[v.index]] = typed_map(v.attributes())
    edges = []
    for e in g.es:
        edges.append({"source": ids[e.source], "target": ids[e.target], "attributes": typed_map(e.attributes())})
    edges.sort(key=edge_order)
    return {
        "class": type(g).__name__,
        "directed": g.is_directed(),
        "multigraph": any(g.is_multiple()),
        "node_count": g.vcount(),
        "edge_count": g.ecount(),
        "graph": typed_map({k: g[k] for k in g.attributes()}),
        "nodes": nodes,
        "edges": edges,
    }


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    out = {}
    for name, reader in (("networkx", read_networkx), ("igraph", read_igraph)):
        try:
            out[name] = reader(path)
        except ImportError as e:
            print(f"read_graphml.py: {name} is not installed for {sys.executable}: {e}", file=sys.stderr)
            return 3
        except Exception as e:  # report the reader's own complaint to the test
            out[name] = {"error": f"{type(e).__name__}: {e}"}
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
