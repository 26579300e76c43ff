package export

import (
	"slices"
	"strconv"

	"github.com/notegraph/notegraph/graph"
)

// SharedLabel is the label every notegraph node carries in Neo4j, besides
// its type. Sync only ever touches nodes with this label.
const SharedLabel = "Notegraph"

// Property names that every node or relationship may carry. Scores and
// descriptive props never take these names (see NodeProperties).
const (
	PropID            = "id"
	PropName          = "name"
	PropAliases       = "aliases"
	PropCommunity     = "community"
	PropEvidenceFiles = "evidence_files"
	PropEvidenceLines = "evidence_lines"
	PropEvidenceTexts = "evidence_texts"
	PropSources       = "sources"
)

var reservedProps = map[string]bool{
	PropID: true, PropName: true, PropAliases: true, PropCommunity: true,
	PropEvidenceFiles: true, PropEvidenceLines: true, PropEvidenceTexts: true,
	PropSources: true, "type": true, graphmlEvidence: true, graphmlEvidenceCount: true,
}

// Property is one named value of a node or relationship. Value is one of
// string, []string, int64, []int64 or float64: the types every format
// (Bolt, Cypher, neo4j-admin CSV, GraphML) can carry.
type Property struct {
	Key   string
	Value any
}

// NodeLabels returns the Neo4j labels of n: SharedLabel, then n.Type.
func NodeLabels(n graph.Node) []string {
	if n.Type == "" || n.Type == SharedLabel {
		return []string{SharedLabel}
	}
	return []string{SharedLabel, n.Type}
}

// NodeProperties returns the Neo4j properties of n as a map, e.g. for a
// Bolt query parameter. It holds exactly NodePropertyList(n).
func NodeProperties(n graph.Node) map[string]any { return PropertyMap(NodePropertyList(n)) }

// RelProperties returns the Neo4j properties of e as a map. It holds
// exactly RelPropertyList(e).
func RelProperties(e graph.Edge) map[string]any { return PropertyMap(RelPropertyList(e)) }

// NodePropertyList returns the properties of n in a fixed order, the same
// for every format:
//
//	id, name, aliases, community (only when computed), each score under its
//	key (sorted), each descriptive prop under its key (sorted),
//	evidence_files, evidence_lines, evidence_texts (parallel lists, one entry
//	per piece of evidence), sources (the sorted set of evidence files).
//
// Score and prop keys are made safe identifiers ([A-Za-z0-9_], not starting
// with a digit; see PropertyKey). A key that would collide with one above or
// with an earlier one is prefixed "score_" or "prop_" (then suffixed "_2",
// "_3", …), so no value is ever lost or overwritten.
//
// Empty lists are left out (aliases of a node without aliases, evidence_*
// and sources of an item without evidence): neo4j-admin cannot import an
// empty array (it drops the property), so no format writes one and every
// load agrees. Read a missing list as empty: coalesce(n.aliases, []).
func NodePropertyList(n graph.Node) []Property {
	ps := make([]Property, 0, 8+len(n.Scores)+len(n.Props))
	ps = append(ps,
		Property{PropID, n.ID},
		Property{PropName, n.Name},
	)
	if len(n.Aliases) > 0 {
		ps = append(ps, Property{PropAliases, n.Aliases})
	}
	if n.Community != nil {
		ps = append(ps, Property{PropCommunity, int64(*n.Community)})
	}
	ps = appendOpen(ps, n.Scores, n.Props)
	return appendEvidence(ps, n.Evidence)
}

// RelPropertyList returns the properties of e in a fixed order: each score,
// each descriptive prop (keys as in NodeProperties), evidence_files,
// evidence_lines, evidence_texts, sources. The relationship's type and ends
// are not properties.
func RelPropertyList(e graph.Edge) []Property {
	ps := make([]Property, 0, 4+len(e.Scores)+len(e.Props))
	ps = appendOpen(ps, e.Scores, e.Props)
	return appendEvidence(ps, e.Evidence)
}

// PropertyMap returns ps as a map, e.g. for a Bolt query parameter.
func PropertyMap(ps []Property) map[string]any {
	m := make(map[string]any, len(ps))
	for _, p := range ps {
		m[p.Key] = p.Value
	}
	return m
}

// PropertyKey folds k to a safe property name: every character outside
// [A-Za-z0-9_] becomes '_', and a leading digit (or an empty key) gets a
// '_' prefix. Safe names need no quoting in Cypher, in a neo4j-admin CSV
// header or in a GraphML attr.name.
func PropertyKey(k string) string {
	if safeKey(k) {
		return k
	}
	b := []byte(k)
	for i, c := range b {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			b[i] = '_'
		}
	}
	// Multi-byte runes became several '_'; that is fine: the result only has
	// to be safe and deterministic, and collisions are resolved by the caller.
	if len(b) == 0 || '0' <= b[0] && b[0] <= '9' {
		b = append([]byte{'_'}, b...)
	}
	return string(b)
}

func safeKey(k string) bool {
	if k == "" || '0' <= k[0] && k[0] <= '9' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// sortedKeys returns m's keys, sorted, in buf if it is large enough.
func sortedKeys[V any](m map[string]V, buf []string) []string {
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// appendOpen appends the scores, then the props, under collision-free safe keys.
func appendOpen(ps []Property, scores map[string]float64, props map[string]string) []Property {
	if len(scores) == 0 && len(props) == 0 {
		return ps
	}
	var buf [16]string
	if fastOpen(scores, props) {
		// The common case: safe, distinct, unreserved keys. Same result as
		// below, without the bookkeeping.
		for _, k := range sortedKeys(scores, buf[:]) {
			ps = append(ps, Property{k, scores[k]})
		}
		for _, k := range sortedKeys(props, buf[:]) {
			ps = append(ps, Property{k, props[k]})
		}
		return ps
	}
	taken := make(map[string]bool, len(ps)+len(scores)+len(props))
	for _, p := range ps {
		taken[p.Key] = true
	}
	key := func(k, prefix string) string {
		k = PropertyKey(k)
		if !taken[k] && !reservedProps[k] {
			taken[k] = true
			return k
		}
		base := prefix + k
		k = base
		for i := 2; taken[k] || reservedProps[k]; i++ {
			k = base + "_" + strconv.Itoa(i)
		}
		taken[k] = true
		return k
	}
	for _, k := range sortedKeys(scores, buf[:]) {
		ps = append(ps, Property{key(k, "score_"), scores[k]})
	}
	for _, k := range sortedKeys(props, buf[:]) {
		ps = append(ps, Property{key(k, "prop_"), props[k]})
	}
	return ps
}

// fastOpen reports whether every score and prop key is safe, unreserved,
// and used once; then appendOpen keeps them as they are.
func fastOpen(scores map[string]float64, props map[string]string) bool {
	for k := range scores {
		if !safeKey(k) || reservedProps[k] {
			return false
		}
		if _, ok := props[k]; ok {
			return false
		}
	}
	for k := range props {
		if !safeKey(k) || reservedProps[k] {
			return false
		}
	}
	return true
}

func appendEvidence(ps []Property, ev []graph.Evidence) []Property {
	if len(ev) == 0 {
		return ps
	}
	files := make([]string, len(ev))
	lines := make([]int64, len(ev))
	texts := make([]string, len(ev))
	for i, e := range ev {
		files[i], lines[i], texts[i] = e.File, int64(e.Line), e.Text
	}
	return append(ps,
		Property{PropEvidenceFiles, files},
		Property{PropEvidenceLines, lines},
		Property{PropEvidenceTexts, texts},
		Property{PropSources, Sources(ev)},
	)
}

// Sources returns the sorted set of files that ev comes from: what sync
// compares against the files of a new load.
func Sources(ev []graph.Evidence) []string {
	out := make([]string, 0, len(ev))
	for _, e := range ev {
		out = append(out, e.File)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// propertyType names the neo4j-admin header type of a Property value.
func propertyType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case []string:
		return "string[]"
	case int64:
		return "long"
	case []int64:
		return "long[]"
	case float64:
		return "double"
	}
	panic("export: unexpected property value type")
}
