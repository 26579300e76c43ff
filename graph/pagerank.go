package graph

import "math"

// PageRank parameters: networkx's defaults for the damping factor, a much
// tighter tolerance so values agree with a converged reference to 1e-9.
const (
	pageRankDamping = 0.85
	pageRankTol     = 1e-12 // on the L1 change per node
	pageRankMaxIter = 1000
)

// pageRank returns the PageRank of every node of the undirected view, each
// link followed in both directions in proportion to its weight, as networkx's
// pagerank does for an undirected weighted graph: damping 0.85, uniform
// teleport, and an isolated node's rank spread evenly over all nodes.
//
// gonum's network.PageRankSparse computes the same vector (a test checks it)
// but starts from a random vector drawn from the global math/rand source, so
// two runs differ in the last bits; this deterministic power iteration over
// the CSR arrays starts from the uniform vector instead.
func pageRank(l *links) []float64 {
	n := l.n
	if n == 0 {
		return nil
	}
	out := make([]float64, n) // total weight of each node's links
	for v := 0; v < n; v++ {
		for _, w := range l.w[l.off[v]:l.off[v+1]] {
			out[v] += w
		}
	}
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for range pageRankMaxIter {
		dangling := 0.0
		for v := 0; v < n; v++ {
			if out[v] == 0 {
				dangling += x[v]
			}
		}
		base := (pageRankDamping*dangling + 1 - pageRankDamping) / float64(n)
		// Pull formulation: links are symmetric, so v's in-links are
		// its out-links and each row is summed in a fixed order.
		for v := 0; v < n; v++ {
			s := 0.0
			for j := l.off[v]; j < l.off[v+1]; j++ {
				u := l.adj[j]
				s += x[u] * l.w[j] / out[u]
			}
			next[v] = base + pageRankDamping*s
		}
		diff := 0.0
		for i := range x {
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*pageRankTol {
			break
		}
	}
	return x
}

// eigenvector returns the eigenvector centrality of every node of the
// weighted undirected view, as networkx's eigenvector_centrality computes it:
// power iteration on A+I from the uniform vector, scaled to unit Euclidean
// norm. In a disconnected graph the vector concentrates on the component
// with the largest eigenvalue; other components get (near) zero.
func eigenvector(l *links) []float64 {
	const tol, maxIter = 1e-12, 1000
	n := l.n
	if n == 0 {
		return nil
	}
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for range maxIter {
		norm := 0.0
		for v := 0; v < n; v++ {
			s := x[v]
			for j := l.off[v]; j < l.off[v+1]; j++ {
				s += x[l.adj[j]] * l.w[j]
			}
			next[v] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		diff := 0.0
		for i := range next {
			next[i] /= norm
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			break
		}
	}
	return x
}
