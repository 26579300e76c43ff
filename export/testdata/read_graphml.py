"""Read a GraphML file with networkx and print what it read as JSON.

Used by graphml_test.go: the Go test compares this with the graph it wrote.
Usage: python3 read_graphml.py FILE.graphml
"""
import json
import sys

import networkx as nx

G = nx.read_graphml(sys.argv[1])
out = {
    "class": type(G).__name__,
    "graph": {k: v for k, v in G.graph.items() if k not in ("node_default", "edge_default")},
    "nodes": {n: d for n, d in G.nodes(data=True)},
    "edges": [],
}
if G.is_multigraph():
    out["edges"] = [[u, v, k, d] for u, v, k, d in G.edges(keys=True, data=True)]
else:
    out["edges"] = [[u, v, d.pop("id", None), d] for u, v, d in G.edges(data=True)]
json.dump(out, sys.stdout, ensure_ascii=True, allow_nan=False)
