#!/usr/bin/env python3
"""Time notegraph's analysis against networkx and python-igraph on the same graphs.

    python3 bench/compare.py                  # 10k/50k and 100k/500k, Go benchmarks included
    python3 bench/compare.py --sizes 10000:50000 --nx-pivots 100
    python3 bench/compare.py --write-graph out/random-100k.graph.json 100000 500000
    python3 bench/compare.py --betweenness-duel 3   # exact betweenness only, wall and CPU time

The graphs are G(n, m) random graphs drawn with splitmix64 (seed 1), exactly as
graph/testgraphs_test.go draws them for `go test -bench`, so both sides see the same
edge lists (the first pairs are checked below). The script runs the Go benchmarks
(`go test ./graph -bench`, GOMAXPROCS as in the environment) and then networkx and
igraph, and prints one table of seconds and ratios.

networkx's exact betweenness at 10k/50k takes many minutes: it is timed on
--nx-pivots sources (betweenness_centrality(k=...)) and extrapolated linearly to n
sources; the table says so. igraph is single-threaded C.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

MASK = (1 << 64) - 1


def splitmix64(seed):
    s = seed
    while True:
        s = (s + 0x9E3779B97F4A7C15) & MASK
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def random_pairs(n, m, seed=1):
    r = splitmix64(seed)
    seen = set()
    out = []
    while len(out) < m:
        u = next(r) % n
        v = next(r) % n
        if u == v:
            continue
        p = (min(u, v), max(u, v))
        if p in seen:
            continue
        seen.add(p)
        out.append(p)
    return out


def node_id(i):
    return f"concept:n{i:07d}"


def write_graph(path, n, m):
    pairs = random_pairs(n, m)
    g = {
        "title": f"random G({n}, {m}), splitmix64 seed 1",
        "nodes": [{"id": node_id(i), "type": "Concept", "name": f"n{i}", "aliases": [], "evidence": []} for i in range(n)],
        "edges": sorted(({"source": node_id(a), "target": node_id(b), "type": "RELATED_TO", "evidence": []} for a, b in pairs),
                        key=lambda e: (e["source"], e["target"])),
    }
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w") as f:
        json.dump(g, f)


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def go_benchmarks(root):
    """Seconds per op of the Go benchmarks, keyed by (name, size)."""
    cmd = ["go", "test", "./graph", "-run", "^$", "-bench",
           "BuildGonumGraph|PageRank$|BetweennessExact|BetweennessSampled1000|Louvain|Analyze", "-benchtime", "1x", "-timeout", "0"]
    print("$ " + " ".join(cmd), file=sys.stderr)
    out = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=True).stdout
    res = {}
    for line in out.splitlines():
        if line.startswith("Benchmark"):
            print(line, file=sys.stderr)
        m = re.match(r"Benchmark(\w+)/(\w+?)(-\d+)?\s+\d+\s+(\d+) ns/op", line)
        if m:
            res[(m.group(1), m.group(2))] = int(m.group(4)) / 1e9
    return res


def betweenness_duel(root, nx_pivots, rounds):
    """Exact betweenness at 10k/50k: notegraph on 1 and 2 cores, igraph, networkx,
    alternated `rounds` times, with wall and CPU seconds (CPU time is what a
    loaded machine distorts least)."""
    import resource

    import igraph
    import networkx as nx

    n, m = 10000, 50000
    pairs = random_pairs(n, m)
    ig = igraph.Graph(n=n, edges=pairs)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(pairs)
    subprocess.run(["go", "test", "-c", "-o", "/tmp/notegraph-graph.test", "./graph"], cwd=root, check=True)

    def go(procs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(["/tmp/notegraph-graph.test", "-test.run", "^$", "-test.bench", "BetweennessExact",
                        "-test.benchtime", "1x"], env=dict(os.environ, GOMAXPROCS=str(procs)),
                       check=True, capture_output=True, cwd=os.path.join(root, "graph"))
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    def py(fn, scale=1):
        t, c = time.perf_counter(), time.process_time()
        fn()
        return (time.perf_counter() - t) * scale, (time.process_time() - c) * scale

    res = {k: [] for k in ("notegraph 1 core", "notegraph 2 cores", "igraph", "networkx")}
    for _ in range(rounds):
        res["notegraph 1 core"].append(go(1))
        res["notegraph 2 cores"].append(go(2))
        res["igraph"].append(py(lambda: ig.betweenness(directed=False)))
        res["networkx"].append(py(lambda: nx.betweenness_centrality(G, k=nx_pivots, seed=1), n / nx_pivots))
    print(f"exact betweenness, 10k nodes / 50k links, {rounds} round(s) alternated; median wall and CPU seconds"
          f" (the go test binary's CPU includes building the graph, ~0.1 s; networkx: {nx_pivots} sources x{n / nx_pivots:g})")
    med = {k: (sorted(w for w, _ in v)[len(v) // 2], sorted(c for _, c in v)[len(v) // 2]) for k, v in res.items()}
    for k, (w, c) in med.items():
        print(f"  {k:18} wall {w:9.2f}  cpu {c:9.2f}   igraph/this wall {med['igraph'][0] / w:5.2f}  cpu {med['igraph'][1] / c:5.2f}"
              f"   networkx/this wall {med['networkx'][0] / w:7.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000:50000,100000:500000")
    ap.add_argument("--nx-pivots", type=int, default=100, help="sources for networkx's betweenness (extrapolated)")
    ap.add_argument("--no-go", action="store_true", help="skip the Go benchmarks")
    ap.add_argument("--write-graph", nargs=3, metavar=("FILE", "N", "M"))
    ap.add_argument("--betweenness-duel", type=int, metavar="ROUNDS",
                    help="only time exact betweenness at 10k/50k: notegraph (1 and 2 cores), igraph, networkx")
    a = ap.parse_args()
    if a.betweenness_duel:
        betweenness_duel(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."), a.nx_pivots, a.betweenness_duel)
        return
    if a.write_graph:
        write_graph(a.write_graph[0], int(a.write_graph[1]), int(a.write_graph[2]))
        return

    import igraph
    import networkx as nx

    assert random_pairs(10000, 50000)[:4] == [(2465, 8519), (235, 590), (48, 8761), (533, 7045)], "generator differs from Go's"
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    gob = {} if a.no_go else go_benchmarks(root)
    print(f"networkx {nx.__version__}, igraph {igraph.__version__}, GOMAXPROCS={os.environ.get('GOMAXPROCS', 'all')}, cores {os.cpu_count()}")
    rows = []
    for size in a.sizes.split(","):
        n, m = map(int, size.split(":"))
        name = f"{n // 1000}k_{m // 1000}k"
        pairs = random_pairs(n, m)
        t_build_ig = timed(lambda: igraph.Graph(n=n, edges=pairs))
        ig = igraph.Graph(n=n, edges=pairs)
        G = nx.Graph()
        t_build_nx = timed(lambda: (G.add_nodes_from(range(n)), G.add_edges_from(pairs)))
        rows.append((name, "build graph", gob.get(("BuildGonumGraph", name)), t_build_ig, t_build_nx, ""))
        rows.append((name, "pagerank", gob.get(("PageRank", name)), timed(lambda: ig.pagerank(damping=0.85)),
                     timed(lambda: nx.pagerank(G, alpha=0.85)), ""))
        if n <= 20000:
            t_ig = timed(lambda: ig.betweenness(directed=False))
            k = min(a.nx_pivots, n)
            t_nx = timed(lambda: nx.betweenness_centrality(G, k=k, seed=1)) * n / k
            rows.append((name, "betweenness exact", gob.get(("BetweennessExact", name)), t_ig, t_nx,
                         f"networkx: {k} sources ×{n / k:g}"))
        k = 1000
        # networkx needs ~1 s per source at 100k/500k: fewer there.
        nxk = min(a.nx_pivots if n <= 20000 else max(10, a.nx_pivots // 10), k)
        t_nx = timed(lambda: nx.betweenness_centrality(G, k=nxk, seed=1)) * k / nxk
        rows.append((name, "betweenness 1000 pivots", gob.get(("BetweennessSampled1000", name)), None, t_nx,
                     f"networkx: {nxk} sources ×{k / nxk:g}; igraph has no sampled betweenness"))
        rows.append((name, "louvain", gob.get(("Louvain", name)), timed(lambda: ig.community_multilevel()),
                     timed(lambda: nx.community.louvain_communities(G, seed=1)) if n <= 20000 else None,
                     "" if n <= 20000 else "networkx skipped (minutes)"))
        rows.append((name, "full analysis (Go)", gob.get(("Analyze", name)), None, None, "Analyze with defaults"))
        del G, ig

    def f(x):
        return "-" if x is None else f"{x:.3f}"

    def ratio(x, y):
        return "-" if x is None or y is None or x == 0 else f"{y / x:.1f}x"

    print(f"{'graph':10} {'measure':26} {'notegraph s':>11} {'igraph s':>9} {'networkx s':>10} {'igraph/ng':>9} {'nx/ng':>8}  note")
    for name, meas, go_s, ig_s, nx_s, note in rows:
        print(f"{name:10} {meas:26} {f(go_s):>11} {f(ig_s):>9} {f(nx_s):>10} {ratio(go_s, ig_s):>9} {ratio(go_s, nx_s):>8}  {note}")


if __name__ == "__main__":
    main()
