package graph

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/community"
)

// GonumCommunityLimit is the largest graph (in nodes) whose communities come
// from gonum's community.Modularize; larger graphs use notegraph's own
// Louvain over flat arrays (louvain.go), because Modularize takes ~5 s at
// 10,000 nodes and over two minutes at 50,000.
const GonumCommunityLimit = 5000

// Community methods for AnalysisOptions.Communities.
const (
	CommunitiesAuto    = ""        // gonum up to GonumCommunityLimit nodes, louvain above
	CommunitiesGonum   = "gonum"   // gonum community.Modularize
	CommunitiesLouvain = "louvain" // notegraph's flat-array Louvain
)

// communities returns each node's community, numbered by decreasing size
// and then by smallest member (node index), so that community 0 is the
// largest and the numbering is stable. method is one of the Communities*
// constants.
func communities(l *links, method string, resolution float64, seed uint64) []int32 {
	if l.n == 0 {
		return nil
	}
	if method == CommunitiesAuto {
		method = CommunitiesLouvain
		if l.n <= GonumCommunityLimit {
			method = CommunitiesGonum
		}
	}
	var label []int32
	switch method {
	case CommunitiesGonum:
		label = make([]int32, l.n)
		r := community.Modularize(undirectedView{l}, resolution, rand.NewPCG(seed, 0x636f6d6d)) // "comm"
		for c, ms := range r.Communities() {
			for _, m := range ms {
				label[m.ID()] = int32(c)
			}
		}
	default:
		label = louvain(l, resolution, seed)
	}
	return renumberBySize(label)
}

// renumberBySize relabels communities 0..k-1 by decreasing size, ties by
// smallest member.
func renumberBySize(label []int32) []int32 {
	type info struct {
		id, size, first int
	}
	byID := map[int32]*info{}
	var all []*info
	for v, c := range label {
		in := byID[c]
		if in == nil {
			in = &info{id: int(c), first: v}
			byID[c] = in
			all = append(all, in)
		}
		in.size++
	}
	slices.SortFunc(all, func(a, b *info) int { return cmp.Or(cmp.Compare(b.size, a.size), cmp.Compare(a.first, b.first)) })
	newID := make(map[int32]int32, len(all))
	for i, in := range all {
		newID[int32(in.id)] = int32(i)
	}
	out := make([]int32, len(label))
	for v, c := range label {
		out[v] = newID[c]
	}
	return out
}
