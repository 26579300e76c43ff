package viz

import (
	"cmp"
	"slices"
	"strings"
)

// mergeParallel draws the relations between one pair of nodes as one edge:
// two edges on one pair lie on top of each other in every layout, and the
// second label hides the first (issue 12). The merged edge keeps the
// direction of its first relation, all relation types (in legend order)
// and all evidence; Reverse says whether some relation runs the other way.
// es is in a deterministic order and stays so.
func mergeParallel(es []vedge) []vedge {
	type pair struct{ a, b string }
	at := map[pair]int{}
	var out []vedge
	for _, e := range es {
		p := pair{min(e.Source, e.Target), max(e.Source, e.Target)}
		i, seen := at[p]
		if !seen {
			at[p] = len(out)
			e.Types = []string{e.Type}
			out = append(out, e)
			continue
		}
		m := &out[i]
		if !slices.Contains(m.Types, e.Type) {
			m.Types = append(m.Types, e.Type)
		}
		if e.Source != m.Source {
			m.Reverse = true
		}
		m.Evidence = append(slices.Clip(m.Evidence), e.Evidence...)
		m.Count += e.Count
	}
	for i := range out {
		slices.SortStableFunc(out[i].Types, func(a, b string) int { return cmp.Compare(relationRank(a), relationRank(b)) })
		out[i].Type = out[i].Types[0]
	}
	return out
}

// relationRank is a relation type's place in the legend; unknown types
// come after the known ones.
func relationRank(typ string) int {
	if i := slices.Index(relationOrder, typ); i >= 0 {
		return i
	}
	return len(relationOrder)
}

// typesLabel names a merged edge's relations: "covers · uses".
func typesLabel(types []string) string {
	low := make([]string, len(types))
	for i, t := range types {
		low[i] = strings.ToLower(t)
	}
	return strings.Join(low, " · ")
}
