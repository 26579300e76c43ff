#!/usr/bin/env python3
"""Reference scores for notegraph's analysis, computed with networkx.

    python3 bench/nx_scores.py GRAPH.json            expected scores as JSON on stdout
    python3 bench/nx_scores.py --make-testdata DIR   write DIR/<name>.graph.json and
                                                     DIR/<name>.expected.json for the
                                                     built-in test graphs

GRAPH.json is a notegraph graph (`notegraph extract -o`). It is turned into the
undirected view notegraph analyses: every typed edge between two nodes, in either
direction, adds 1 to the weight of one link; self-links and edges to missing nodes
are dropped. Then, per node (graph/analyze.go documents the keys):

    degree           G.degree(v)
    weighted_degree  G.degree(v, weight="weight")
    in_degree, out_degree  typed edges into / out of v (self-links dropped)
    pagerank         nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13)
    betweenness      nx.betweenness_centrality(G, normalized=True, weight=None)
    closeness        nx.closeness_centrality(G)   (Wasserman-Faust, hops)
    harmonic         nx.harmonic_centrality(G)    (sum of 1/d, hops)
    eigenvector      nx.eigenvector_centrality(G, weight="weight", tol=1e-13)
    articulation     1 if v in nx.articulation_points(G)
and per edge "source|type|target": bridge = 1 if its pair is in nx.bridges(G).
"""
import json
import sys

import networkx as nx


def undirected_view(g):
    ids = {n["id"] for n in g["nodes"]}
    G = nx.Graph()
    G.add_nodes_from(sorted(ids))
    indeg = {i: 0 for i in ids}
    outdeg = {i: 0 for i in ids}
    for e in g["edges"]:
        s, t = e["source"], e["target"]
        if s not in ids or t not in ids or s == t:
            continue
        outdeg[s] += 1
        indeg[t] += 1
        if G.has_edge(s, t):
            G[s][t]["weight"] += 1
        else:
            G.add_edge(s, t, weight=1)
    return G, indeg, outdeg


def scores(g):
    G, indeg, outdeg = undirected_view(g)
    if len(G) == 0:
        return {"networkx": nx.__version__, "nodes": {}, "edges": {}}
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    bc = nx.betweenness_centrality(G, normalized=True, weight=None)
    cc = nx.closeness_centrality(G)
    hc = nx.harmonic_centrality(G)
    ev = nx.eigenvector_centrality(G, weight="weight", tol=1e-13, max_iter=100000)
    art = set(nx.articulation_points(G))
    bridges = {frozenset(b) for b in nx.bridges(G)}
    nodes = {}
    for v in sorted(G):
        nodes[v] = {
            "degree": G.degree(v),
            "weighted_degree": G.degree(v, weight="weight"),
            "in_degree": indeg[v],
            "out_degree": outdeg[v],
            "pagerank": pr[v],
            "betweenness": bc[v],
            "closeness": cc[v],
            "harmonic": hc[v],
            "eigenvector": ev[v],
            "articulation": 1 if v in art else 0,
        }
    edges = {}
    for e in g["edges"]:
        s, t = e["source"], e["target"]
        if s in G and t in G and s != t:
            edges[f"{s}|{e['type']}|{t}"] = {"bridge": 1 if frozenset((s, t)) in bridges else 0}
    return {"networkx": nx.__version__, "nodes": nodes, "edges": edges}


def model(title, pairs, typ="RELATED_TO", kind="Concept"):
    """A notegraph graph with one edge per (source, target[, type]) triple."""
    names = sorted({str(x) for p in pairs for x in p[:2]})
    nid = {n: f"{kind.lower()}:{n.lower().replace(' ', '-')}" for n in names}
    nodes = [{"id": nid[n], "type": kind, "name": n, "aliases": [], "evidence": []} for n in names]
    edges = [{"source": nid[str(p[0])], "target": nid[str(p[1])], "type": p[2] if len(p) > 2 else typ, "evidence": []}
             for p in pairs]
    nodes.sort(key=lambda n: n["id"])
    edges.sort(key=lambda e: (e["source"], e["target"], e["type"]))
    return {"title": title, "nodes": nodes, "edges": edges}


def test_graphs():
    karate = nx.karate_club_graph()
    yield "karate", model("Zachary's karate club (networkx)",
                          [(f"m{u:02d}", f"m{v:02d}") for u, v in karate.edges()])
    flo = nx.florentine_families_graph()
    yield "florentine", model("Florentine families (networkx)", list(flo.edges()))
    davis = nx.davis_southern_women_graph()
    yield "davis", model("Davis southern women (networkx), bipartite", list(davis.edges()))
    # Shaped like extracted notes: parallel typed edges in both directions
    # (weights), a self-link, a chain of bridges, two components and an
    # isolated node.
    notes = model("notes-shaped", [
        ("Ann", "Talk A", "GAVE"), ("Talk A", "Requests", "COVERS"), ("Ann", "Requests", "CREATED"),
        ("Requests", "Ann", "RELATED_TO"), ("Talk A", "HTTP", "COVERS"), ("Requests", "HTTP", "USES"),
        ("Bob", "Talk B", "GAVE"), ("Talk B", "Requests", "COVERS"), ("Talk B", "GIL", "COVERS"),
        ("GIL", "GIL", "RELATED_TO"), ("GIL", "PyPy", "RELATED_TO"), ("PyPy", "JIT", "USES"),
        ("JIT", "LLVM", "USES"), ("Cat", "Talk C", "GAVE"), ("Talk C", "Numba", "COVERS"),
        ("Numba", "LLVM2", "USES"), ("Talk C", "LLVM2", "COVERS"),
    ])
    notes["nodes"].append({"id": "concept:lonely", "type": "Concept", "name": "Lonely", "aliases": [], "evidence": []})
    notes["nodes"].sort(key=lambda n: n["id"])
    yield "notes", notes


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--make-testdata":
        out = sys.argv[2]
        for name, g in test_graphs():
            with open(f"{out}/{name}.graph.json", "w") as f:
                json.dump(g, f, indent=1, sort_keys=True)
                f.write("\n")
            with open(f"{out}/{name}.expected.json", "w") as f:
                json.dump(scores(g), f, indent=1, sort_keys=True)
                f.write("\n")
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        g = json.load(f)
    json.dump(scores(g), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
