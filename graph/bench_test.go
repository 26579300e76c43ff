package graph

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// Benchmarks run on G(n, m) random graphs from randomPairs (seed 1), the
// same edge lists bench/compare.py gives networkx and igraph:
//
//	go test ./graph -run '^$' -bench . -benchtime 1x
//
// The 100k/500k exact betweenness is left out (about 100× the 10k/50k one).

var benchSizes = []struct{ n, m int }{{10_000, 50_000}, {100_000, 500_000}}

var (
	benchMu     sync.Mutex
	benchGraphs = map[int]*Graph{}
	benchLinks  = map[int]*links{}
)

func benchGraph(b *testing.B, n, m int) (*Graph, *links) {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if g, ok := benchGraphs[n]; ok {
		return g, benchLinks[n]
	}
	g := randomGraph(n, m, 1)
	benchGraphs[n], benchLinks[n] = g, newLinks(g)
	return g, benchLinks[n]
}

func sizeName(n, m int) string { return fmt.Sprintf("%dk_%dk", n/1000, m/1000) }

func BenchmarkBuildGonumGraph(b *testing.B) {
	for _, s := range benchSizes {
		g, _ := benchGraph(b, s.n, s.m)
		b.Run(sizeName(s.n, s.m), func(b *testing.B) {
			for b.Loop() {
				GonumUndirected(g)
			}
		})
	}
}

func BenchmarkPageRank(b *testing.B) {
	for _, s := range benchSizes {
		_, l := benchGraph(b, s.n, s.m)
		b.Run(sizeName(s.n, s.m), func(b *testing.B) {
			for b.Loop() {
				pageRank(l)
			}
		})
	}
}

// BenchmarkPageRankGonum is gonum's network.PageRankSparse on the same view.
func BenchmarkPageRankGonum(b *testing.B) {
	for _, s := range benchSizes {
		_, l := benchGraph(b, s.n, s.m)
		b.Run(sizeName(s.n, s.m), func(b *testing.B) {
			for b.Loop() {
				network.PageRankSparse(bothWaysView{undirectedView{l}}, 0.85, 1e-10)
			}
		})
	}
}

func BenchmarkBetweennessExact(b *testing.B) {
	_, l := benchGraph(b, 10_000, 50_000)
	b.Run(sizeName(10_000, 50_000), func(b *testing.B) {
		for b.Loop() {
			shortestPaths(l, -1, 0, 0)
		}
	})
}

func BenchmarkBetweennessSampled1000(b *testing.B) {
	for _, s := range benchSizes {
		_, l := benchGraph(b, s.n, s.m)
		b.Run(sizeName(s.n, s.m), func(b *testing.B) {
			for b.Loop() {
				shortestPaths(l, 1000, 1, 0)
			}
		})
	}
}

func BenchmarkLouvain(b *testing.B) {
	for _, s := range benchSizes {
		_, l := benchGraph(b, s.n, s.m)
		b.Run(sizeName(s.n, s.m), func(b *testing.B) {
			var q float64
			for b.Loop() {
				q = modularity(l, louvain(l, 1, 1), 1)
			}
			b.ReportMetric(q, "Q")
		})
	}
}

// BenchmarkModularizeGonum is gonum's community.Modularize at 10k/50k.
func BenchmarkModularizeGonum(b *testing.B) {
	_, l := benchGraph(b, 10_000, 50_000)
	b.Run(sizeName(10_000, 50_000), func(b *testing.B) {
		var q float64
		for b.Loop() {
			r := community.Modularize(undirectedView{l}, 1, rand.NewPCG(1, 1))
			q = community.Q(undirectedView{l}, r.Communities(), 1)
		}
		b.ReportMetric(q, "Q")
	})
}

// BenchmarkAnalyze is the whole analysis with default options (at 100k/500k:
// sampled betweenness with 1,000 pivots, own Louvain).
func BenchmarkAnalyze(b *testing.B) {
	for _, s := range benchSizes {
		g, _ := benchGraph(b, s.n, s.m)
		b.Run(sizeName(s.n, s.m), func(b *testing.B) {
			for b.Loop() {
				c := *g
				if err := Analyze(&c, AnalysisOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
