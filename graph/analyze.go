package graph

// AnalysisOptions configure Analyze. The zero value gives the defaults.
type AnalysisOptions struct {
	// Seed fixes community detection and sampling so reruns agree.
	Seed uint64
}

// Analyze computes centrality scores and communities and writes them onto
// g's nodes (Scores, Community). Exporters and maps read them; they never
// recompute.
//
// Placeholder: the analysis lands with issue 3.
func Analyze(g *Graph, opts AnalysisOptions) error {
	return nil
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
