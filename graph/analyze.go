package graph

// Score keys written by Analyze into Node.Scores (and, for "bridge",
// Edge.Scores). Every analysed node carries every node key, so exports have
// the same columns for all nodes. docs/analysis.md says how each is defined
// and which networkx function it matches.
const (
	ScoreDegree         = "degree"          // distinct neighbours in the undirected view
	ScoreWeightedDegree = "weighted_degree" // relations to other nodes, either direction
	ScoreInDegree       = "in_degree"       // relations pointing at the node
	ScoreOutDegree      = "out_degree"      // relations leaving the node
	ScorePageRank       = "pagerank"        // networkx pagerank, damping 0.85, weighted, both directions
	ScoreBetweenness    = "betweenness"     // networkx betweenness_centrality, normalized, hops
	ScoreCloseness      = "closeness"       // networkx closeness_centrality (Wasserman–Faust)
	ScoreHarmonic       = "harmonic"        // networkx harmonic_centrality (Σ 1/d)
	ScoreEigenvector    = "eigenvector"     // networkx eigenvector_centrality, weighted
	ScoreArticulation   = "articulation"    // 1 if removing the node disconnects its component
	ScoreBridge         = "bridge"          // on edges: 1 if removing the link disconnects its component
)

// NodeScoreKeys lists the node score keys in the order tables show them.
var NodeScoreKeys = []string{
	ScoreDegree, ScoreWeightedDegree, ScoreInDegree, ScoreOutDegree, ScorePageRank,
	ScoreBetweenness, ScoreCloseness, ScoreHarmonic, ScoreEigenvector, ScoreArticulation,
}

// Betweenness sampling: exact while nodes × links ≤ ExactBetweennessWork
// (10,000 nodes with 50,000 links take about 7 s on two cores); above it,
// DefaultBetweennessSamples seeded pivots.
const (
	ExactBetweennessWork      = 5e8
	DefaultBetweennessSamples = 1000
)

// AnalysisOptions configure Analyze. The zero value gives the defaults.
type AnalysisOptions struct {
	// Seed fixes community detection and sampling so reruns agree.
	Seed uint64
	// BetweennessSamples is the number of pivots for sampled betweenness
	// and closeness: 0 chooses (see ExactBetweennessWork), a negative
	// value forces the exact computation, a value ≥ the number of nodes is
	// exact too.
	BetweennessSamples int
	// Communities is the community method: CommunitiesAuto (""),
	// CommunitiesGonum or CommunitiesLouvain.
	Communities string
	// Resolution is the modularity resolution γ; 0 means 1.
	Resolution float64
	// Workers bounds the goroutines of the shortest-path measures; 0 means
	// GOMAXPROCS. Results do not depend on it.
	Workers int
	// Progress, when set, is called with the name of each stage as it starts.
	Progress func(stage string)
}

// Pivots returns the number of betweenness sources Analyze uses on a graph
// of nodes nodes and links undirected links: nodes when exact.
func (o AnalysisOptions) Pivots(nodes, links int) int {
	switch {
	case o.BetweennessSamples < 0:
		return nodes
	case o.BetweennessSamples > 0:
		return min(o.BetweennessSamples, nodes)
	case float64(nodes)*float64(links) <= ExactBetweennessWork:
		return nodes
	default:
		return min(DefaultBetweennessSamples, nodes)
	}
}

// Analyze computes centrality scores and communities and writes them onto
// g's nodes (Scores, Community) and edges (Scores["bridge"]). Exporters and
// maps read them; they never recompute. Scores already present under other
// keys are kept.
//
// All measures run on the undirected view (see GonumUndirected): relations
// between the same two nodes form one link weighted by their number, and
// self-links are ignored. Path measures count hops; PageRank, eigenvector
// and weighted degree use the weights.
func Analyze(g *Graph, opts AnalysisOptions) error {
	stage := func(s string) {
		if opts.Progress != nil {
			opts.Progress(s)
		}
	}
	resolution := opts.Resolution
	if resolution == 0 {
		resolution = 1
	}
	stage("links")
	l := newLinks(g)
	n := l.n

	inDeg := make([]float64, n)
	outDeg := make([]float64, n)
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		a, okA := idx[e.Source]
		b, okB := idx[e.Target]
		if okA && okB && a != b {
			outDeg[a]++
			inDeg[b]++
		}
	}
	stage("pagerank")
	pr := pageRank(l)
	stage("eigenvector")
	ev := eigenvector(l)
	stage("betweenness")
	samples := -1
	if k := opts.Pivots(n, len(l.pairs)); k < n {
		samples = k
	}
	ps := shortestPaths(l, samples, opts.Seed, opts.Workers)
	stage("communities")
	comm := communities(l, opts.Communities, resolution, opts.Seed)
	stage("bridges")
	art, bridge := cutPoints(l)

	for i := range g.Nodes {
		nd := &g.Nodes[i]
		if nd.Scores == nil {
			nd.Scores = make(map[string]float64, len(NodeScoreKeys))
		}
		wdeg := 0.0
		for _, w := range l.w[l.off[i]:l.off[i+1]] {
			wdeg += w
		}
		s := nd.Scores
		s[ScoreDegree] = float64(l.degree(i))
		s[ScoreWeightedDegree] = wdeg
		s[ScoreInDegree] = inDeg[i]
		s[ScoreOutDegree] = outDeg[i]
		s[ScorePageRank] = pr[i]
		s[ScoreBetweenness] = ps.betweenness[i]
		s[ScoreCloseness] = ps.closeness[i]
		s[ScoreHarmonic] = ps.harmonic[i]
		s[ScoreEigenvector] = ev[i]
		s[ScoreArticulation] = b2f(art[i])
		c := int(comm[i])
		nd.Community = &c
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		a, okA := idx[e.Source]
		b, okB := idx[e.Target]
		isBridge := false
		if okA && okB && a != b {
			isBridge = bridge[l.pairIndex(int32(a), int32(b))]
		}
		if e.Scores == nil {
			e.Scores = map[string]float64{}
		}
		e.Scores[ScoreBridge] = b2f(isBridge)
	}
	return nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// HasScores reports whether g carries analysis results.
func (g *Graph) HasScores() bool {
	for _, n := range g.Nodes {
		if len(n.Scores) > 0 {
			return true
		}
	}
	return false
}
