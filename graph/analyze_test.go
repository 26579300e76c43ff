package graph

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

func TestPageRankMatchesGonum(t *testing.T) {
	for _, tc := range []struct {
		n, m int
		seed uint64
	}{{10, 15, 1}, {100, 120, 2}, {500, 2500, 3}} {
		l := randomLinks(tc.n, tc.m, tc.seed)
		got := pageRank(l)
		want := network.PageRankSparse(bothWaysView{undirectedView{l}}, 0.85, 1e-13)
		for v := range got {
			if d := math.Abs(got[v] - want[int64(v)]); d > 1e-9 {
				t.Errorf("n=%d: pagerank[%d] = %g, gonum %g", tc.n, v, got[v], want[int64(v)])
			}
		}
	}
}

// TestModularityMatchesGonum checks modularity against gonum's community.Q
// and that both community methods find partitions as good as gonum's
// Modularize (within 0.03 of its mean Q over seeds) on small graphs.
func TestModularityMatchesGonum(t *testing.T) {
	for _, tc := range []struct {
		n, m int
		seed uint64
	}{{30, 60, 1}, {200, 400, 2}, {1000, 3000, 3}, {1000, 10000, 4}, {300, 200, 5}} {
		l := randomLinks(tc.n, tc.m, tc.seed)
		view := undirectedView{l}
		for _, method := range []string{CommunitiesGonum, CommunitiesLouvain} {
			comm := communities(l, method, 1, 1)
			q := modularity(l, comm, 1)
			qg := community.Q(view, groups(comm), 1)
			if math.Abs(q-qg) > 1e-9 {
				t.Errorf("n=%d %s: modularity %g, gonum Q %g", tc.n, method, q, qg)
			}
			// Louvain's Q varies with the node order: compare with
			// the mean of gonum's over a few seeds.
			qref := 0.0
			for s := range uint64(5) {
				ref := community.Modularize(view, 1, rand.NewPCG(s+10, 9))
				qref += community.Q(view, ref.Communities(), 1) / 5
			}
			if q < qref-0.03 {
				t.Errorf("n=%d %s: Q %.4f below gonum Modularize's mean %.4f", tc.n, method, q, qref)
			}
			t.Logf("n=%d m=%d %-7s Q=%.4f (gonum Modularize, mean of 5 seeds: %.4f), %d communities", tc.n, tc.m, method, q, qref, countDistinct(comm))
		}
	}
}

func groups(comm []int32) [][]gg.Node {
	var out [][]gg.Node
	for v, c := range comm {
		for int(c) >= len(out) {
			out = append(out, nil)
		}
		out[c] = append(out[c], view0(v))
	}
	return out
}

func view0(v int) gg.Node { return undirectedView{&links{n: v + 1}}.Node(int64(v)) }

func countDistinct(comm []int32) int {
	m := map[int32]bool{}
	for _, c := range comm {
		m[c] = true
	}
	return len(m)
}

func TestCommunityNumbering(t *testing.T) {
	// Two triangles and a 4-clique joined by single links.
	ps := []pair{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {6, 7}, {6, 8}, {6, 9}, {7, 8}, {7, 9}, {8, 9}, {2, 3}, {5, 6}}
	l := linksFromPairs(10, ps)
	for _, method := range []string{CommunitiesGonum, CommunitiesLouvain} {
		got := communities(l, method, 1, 0)
		want := []int32{1, 1, 1, 2, 2, 2, 0, 0, 0, 0} // largest first, then by smallest member
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: communities %v, want %v", method, got, want)
				break
			}
		}
	}
}

func TestCutPoints(t *testing.T) {
	// 0-1-2 triangle, 2-3 bridge, 3-4-5 path, 6 isolated, 7-8 pair.
	ps := []pair{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {7, 8}}
	l := linksFromPairs(9, ps)
	art, bridge := cutPoints(l)
	wantArt := []bool{false, false, true, true, true, false, false, false, false}
	for i := range wantArt {
		if art[i] != wantArt[i] {
			t.Errorf("articulation %v, want %v", art, wantArt)
			break
		}
	}
	for i, p := range l.pairs {
		want := !(p.b <= 2) // all but the triangle
		if bridge[i] != want {
			t.Errorf("bridge %v = %v, want %v", p, bridge[i], want)
		}
	}
}

// TestAnalyzeEdgeCases: degenerate graphs get sensible values and no panic.
func TestAnalyzeEdgeCases(t *testing.T) {
	node := func(id string) Node { return Node{ID: id, Type: Concept, Name: id} }
	edge := func(s, t string) Edge { return Edge{Source: s, Target: t, Type: RelatedTo} }
	for _, tc := range []struct {
		name  string
		g     Graph
		check func(t *testing.T, g Graph)
	}{
		{"empty", Graph{}, func(t *testing.T, g Graph) {}},
		{"single node", Graph{Nodes: []Node{node("a")}}, func(t *testing.T, g Graph) {
			s := g.Nodes[0].Scores
			if s[ScorePageRank] != 1 || s[ScoreDegree] != 0 || s[ScoreBetweenness] != 0 || s[ScoreCloseness] != 0 || *g.Nodes[0].Community != 0 {
				t.Errorf("scores %v community %d", s, *g.Nodes[0].Community)
			}
		}},
		{"self-link only", Graph{Nodes: []Node{node("a")}, Edges: []Edge{edge("a", "a")}}, func(t *testing.T, g Graph) {
			if s := g.Nodes[0].Scores; s[ScoreDegree] != 0 || s[ScoreOutDegree] != 0 || s[ScorePageRank] != 1 {
				t.Errorf("self-link counted: %v", s)
			}
			if g.Edges[0].Scores[ScoreBridge] != 0 {
				t.Errorf("self-link is a bridge")
			}
		}},
		{"isolated nodes", Graph{Nodes: []Node{node("a"), node("b"), node("c")}}, func(t *testing.T, g Graph) {
			for i, n := range g.Nodes {
				if n.Scores[ScorePageRank] != 1.0/3 || *n.Community != i {
					t.Errorf("%s: pagerank %g community %d", n.ID, n.Scores[ScorePageRank], *n.Community)
				}
			}
		}},
		{"dangling edge", Graph{Nodes: []Node{node("a")}, Edges: []Edge{edge("a", "missing")}}, func(t *testing.T, g Graph) {
			if g.Nodes[0].Scores[ScoreDegree] != 0 {
				t.Errorf("edge to a missing node counted")
			}
		}},
		{"two components", Graph{
			Nodes: []Node{node("a"), node("b"), node("c"), node("d"), node("e")},
			Edges: []Edge{edge("a", "b"), edge("b", "c"), edge("d", "e"), edge("e", "d")},
		}, func(t *testing.T, g Graph) {
			b, d := g.Nodes[1].Scores, g.Nodes[3].Scores
			// networkx: betweenness(b) = 2/((5-1)(5-2)) = 1/6;
			// closeness(b) = (2/2)·(2/4) = 0.5; closeness(d) = (1/1)·(1/4).
			if math.Abs(b[ScoreBetweenness]-1.0/6) > 1e-12 || b[ScoreCloseness] != 0.5 || d[ScoreCloseness] != 0.25 {
				t.Errorf("b %v d %v", b, d)
			}
			if d[ScoreWeightedDegree] != 2 || d[ScoreDegree] != 1 {
				t.Errorf("parallel edges d–e: %v", d)
			}
			if *g.Nodes[0].Community == *g.Nodes[3].Community {
				t.Errorf("components share a community")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.g
			if err := Analyze(&g, AnalysisOptions{}); err != nil {
				t.Fatal(err)
			}
			for _, n := range g.Nodes {
				for _, k := range NodeScoreKeys {
					v, ok := n.Scores[k]
					if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s: %s = %v (present %v)", n.ID, k, v, ok)
					}
				}
				if n.Community == nil {
					t.Errorf("%s: no community", n.ID)
				}
			}
			tc.check(t, g)
		})
	}
}

// TestAnalyzeDeterministic: two runs write byte-identical JSON, in exact
// and sampled mode and with both community methods.
func TestAnalyzeDeterministic(t *testing.T) {
	for _, opts := range []AnalysisOptions{
		{},
		{BetweennessSamples: 50, Communities: CommunitiesLouvain, Seed: 3},
	} {
		var out [2]bytes.Buffer
		for i := range out {
			g := randomGraph(400, 900, 11)
			if err := Analyze(g, opts); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&out[i], *g); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
			t.Errorf("%+v: two runs differ", opts)
		}
	}
}

func TestPivots(t *testing.T) {
	for _, tc := range []struct {
		opts         AnalysisOptions
		nodes, links int
		want         int
	}{
		{AnalysisOptions{}, 100, 300, 100},
		{AnalysisOptions{}, 10000, 50000, 10000},
		{AnalysisOptions{}, 100000, 500000, DefaultBetweennessSamples},
		{AnalysisOptions{BetweennessSamples: -1}, 100000, 500000, 100000},
		{AnalysisOptions{BetweennessSamples: 200}, 100, 300, 100},
		{AnalysisOptions{BetweennessSamples: 200}, 1000, 3000, 200},
	} {
		if got := tc.opts.Pivots(tc.nodes, tc.links); got != tc.want {
			t.Errorf("%+v.Pivots(%d, %d) = %d, want %d", tc.opts, tc.nodes, tc.links, got, tc.want)
		}
	}
}

// TestCutPointsLongChain: the search is iterative, so a chain of notes
// 200,000 long does not overflow the stack.
func TestCutPointsLongChain(t *testing.T) {
	const n = 200_000
	ps := make([]pair, n-1)
	for i := range ps {
		ps[i] = pair{int32(i), int32(i + 1)}
	}
	art, bridge := cutPoints(linksFromPairs(n, ps))
	for i := range art {
		if art[i] != (i > 0 && i < n-1) {
			t.Fatalf("articulation[%d] = %v", i, art[i])
		}
	}
	for i, b := range bridge {
		if !b {
			t.Fatalf("link %d is not a bridge", i)
		}
	}
}
