package graph

// cutPoints finds the articulation points (nodes whose removal disconnects
// their component) and the bridges (links whose removal does) of the
// undirected view, with Tarjan's low-link depth-first search, iteratively so
// that long chains of notes cannot overflow the stack. bridge[i] refers to
// l.pairs[i].
func cutPoints(l *links) (articulation []bool, bridge []bool) {
	n := l.n
	articulation = make([]bool, n)
	bridge = make([]bool, len(l.pairs))
	disc := make([]int32, n) // discovery time + 1; 0 = unvisited
	low := make([]int32, n)
	parent := make([]int32, n)
	cursor := make([]int32, n) // next adjacency index to look at
	stack := make([]int32, 0, 64)
	var t int32
	for root := 0; root < n; root++ {
		if disc[root] != 0 {
			continue
		}
		rootChildren := 0
		t++
		disc[root], low[root], parent[root] = t, t, -1
		cursor[root] = l.off[root]
		stack = append(stack[:0], int32(root))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			if cursor[v] < l.off[v+1] {
				w := l.adj[cursor[v]]
				cursor[v]++
				if disc[w] == 0 {
					t++
					disc[w], low[w], parent[w] = t, t, v
					cursor[w] = l.off[w]
					stack = append(stack, w)
					if int(v) == root {
						rootChildren++
					}
				} else if w != parent[v] {
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			stack = stack[:len(stack)-1]
			p := parent[v]
			if p < 0 {
				continue
			}
			low[p] = min(low[p], low[v])
			if low[v] > disc[p] {
				bridge[l.pairIndex(p, v)] = true
			}
			if int(p) != root && low[v] >= disc[p] {
				articulation[p] = true
			}
		}
		if rootChildren > 1 {
			articulation[root] = true
		}
	}
	return articulation, bridge
}

// pairIndex returns the index in l.pairs of the link between a and b.
func (l *links) pairIndex(a, b int32) int {
	if a > b {
		a, b = b, a
	}
	lo, hi := 0, len(l.pairs)
	for lo < hi {
		m := (lo + hi) / 2
		p := l.pairs[m]
		if p.a < a || (p.a == a && p.b < b) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
