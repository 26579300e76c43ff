package export

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// The shape of a notegraph graph in Neo4j, shared by the live load (Neo4j)
// and the script (Cypher) so that both produce the same nodes,
// relationships and properties.
//
// Nodes carry the label NodeLabel plus their type as a second label, and the
// properties (the same as the file exports'):
//
//	id               stable id ("person:kenneth-reitz"), unique per label
//	name             canonical name
//	aliases          list of other names (left out when there are none)
//	community        community index, when analysed
//	<score>          one float property per score (degree, pagerank, …)
//	<prop>           one string property per descriptive prop (url, …)
//	evidence_files   ┐ evidence as three parallel lists: entry i is
//	evidence_lines   │ file evidence_files[i], 1-based line evidence_lines[i],
//	evidence_texts   ┘ text evidence_texts[i]; sorted by file, line, text
//	sources          the distinct evidence files, sorted
//	notegraph_keys   the property keys notegraph wrote, so a rerun can remove
//	                 the ones the notes stopped saying; left out when they are
//	                 only the evidence properties (evidenceKeys), as on most
//	                 relationships: one list less per relationship is about a
//	                 fifth of the server's cost of creating it
//
// Empty lists are left out (neo4j-admin cannot import them), so read a
// missing list as empty: coalesce(n.aliases, []).
//
// Relationships have the extracted type (GAVE, COVERS, …) and the same
// evidence, sources, notegraph_keys, prop and score properties.
//
// Sync: a load of files F (Graph.Files and every evidence file) replaces the
// evidence that items had from F with the new graph's, keeps evidence from
// other files (another load), and deletes the items left with no evidence.
// Items with no sources at all are never deleted; nodes without NodeLabel
// are never read or written.
const NodeLabel = SharedLabel

// row is one node or relationship as a Cypher value: the parameter of a
// live batch, or a literal map in the script.
//
//	{id | source, target, props: {…}, ev: [[file, line, text], …], keys: [...]}
type row = map[string]any

// nodeRows groups the nodes of g by type label, in label order; rows keep
// g's order (sorted by id after Normalize).
func nodeRows(g graph.Graph) []batchGroup {
	groups := map[string][]row{}
	for _, n := range g.Nodes {
		props := boltProps(NodePropertyList(n))
		groups[nodeType(n)] = append(groups[nodeType(n)], withKeys(row{
			"id": n.ID, "props": props, "ev": evidence(n.Evidence),
		}, props))
	}
	return sortedGroups(groups)
}

// relRows groups the edges of g by relationship type.
func relRows(g graph.Graph) []batchGroup {
	groups := map[string][]row{}
	for _, e := range g.Edges {
		props := boltProps(RelPropertyList(e))
		typ := e.Type
		if typ == "" {
			typ = graph.RelatedTo
		}
		groups[typ] = append(groups[typ], withKeys(row{
			"source": e.Source, "target": e.Target, "props": props, "ev": evidence(e.Evidence),
		}, props))
	}
	return sortedGroups(groups)
}

// batchGroup is the rows of one label or relationship type; fresh groups
// (splitFreshRels) hold relationships of one type and property keys.
type batchGroup struct {
	name  string
	rows  []row
	keys  []string
	fresh bool
}

func sortedGroups(m map[string][]row) []batchGroup {
	out := make([]batchGroup, 0, len(m))
	for name, rows := range m {
		out = append(out, batchGroup{name: name, rows: rows})
	}
	slices.SortFunc(out, func(a, b batchGroup) int { return cmp.Compare(a.name, b.name) })
	return out
}

// nodeType is the type label of n (NodeLabels: none besides NodeLabel for
// an untyped node).
func nodeType(n graph.Node) string {
	if n.Type == "" {
		return NodeLabel
	}
	return n.Type
}

// loadFiles is the scope of a load: the graph's files and every file its
// evidence cites, sorted.
func loadFiles(g graph.Graph) []string {
	set := map[string]bool{}
	for _, f := range g.Files {
		set[f] = true
	}
	for _, n := range g.Nodes {
		for _, e := range n.Evidence {
			set[e.File] = true
		}
	}
	for _, e := range g.Edges {
		for _, ev := range e.Evidence {
			set[ev.File] = true
		}
	}
	out := make([]string, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// boltProps turns the properties every format shares (NodePropertyList,
// RelPropertyList) into the props of a row: without id and the evidence
// properties, which the upsert computes from the row's evidence and the
// database's, and without NaN or infinite scores, which never compare equal
// and so would be rewritten on every load.
func boltProps(ps []Property) map[string]any {
	m := make(map[string]any, len(ps))
	for _, p := range ps {
		switch p.Key {
		case PropID, PropEvidenceFiles, PropEvidenceLines, PropEvidenceTexts, PropSources, "notegraph_keys":
			continue
		}
		switch v := p.Value.(type) {
		case []string:
			m[p.Key] = stringList(v)
		case []int64:
			l := make([]any, len(v))
			for i, x := range v {
				l[i] = x
			}
			m[p.Key] = l
		case float64:
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				m[p.Key] = v
			}
		default:
			m[p.Key] = v
		}
	}
	return m
}

// evidenceKeys are the keys of the evidence properties and notegraph_keys
// itself, sorted: the notegraph_keys of an item stored without one.
var evidenceKeys = []string{"evidence_files", "evidence_lines", "evidence_texts", "notegraph_keys", "sources"}

// evidenceKeysLiteral is evidenceKeys as a Cypher list.
const evidenceKeysLiteral = "['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'sources']"

// withKeys sets r's keys — the property keys it writes, its props and the
// evidence properties, sorted, stored as notegraph_keys — when it writes
// more than the evidence properties, and returns r.
func withKeys(r row, props map[string]any) row {
	if len(props) == 0 {
		return r
	}
	ks := slices.Clone(evidenceKeys)
	for k := range props {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	r["keys"] = stringList(ks)
	return r
}

// evidence returns ev as [[file, line, text], …] sorted by file, line, text
// (graph.Normalize's order, repeated here for graphs read from files).
func evidence(ev []graph.Evidence) []any {
	s := slices.Clone(ev)
	slices.SortFunc(s, func(a, b graph.Evidence) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Text, b.Text))
	})
	s = slices.Compact(s)
	out := make([]any, len(s))
	for i, e := range s {
		out[i] = []any{e.File, int64(e.Line), e.Text}
	}
	return out
}

func stringList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// quoteName backtick-quotes a label, relationship type, property key or
// constraint name, doubling backticks inside it.
func quoteName(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}

// constraintQuery creates the uniqueness constraint on id for label.
func constraintQuery(label string) string {
	return fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
		quoteName("notegraph_"+label+"_id"), quoteName(label))
}

// mergeTail is the part of the node and relationship upserts after the
// MERGE of x: it merges evidence with what x already has from files outside
// the load, and sets only what changed, so a rerun of the same notes sets no
// property. It returns the number of items written.
//
// files and rows are Cypher expressions: $files/$rows live, literal lists in
// the script.
const mergeTail = `WITH x, row, coalesce(x.evidence_files, []) AS of
WITH x, row, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN %[1]s | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
WITH x, row, row.props AS p, CASE WHEN size(kept) = 0 THEN row.ev ELSE COLLECT { UNWIND kept + row.ev AS e RETURN e ORDER BY e[0], e[1], e[2] } END AS ev
WITH x, row, p, CASE WHEN size(ev) = 0 THEN null ELSE ev END AS ev
WITH x, p{.*, evidence_files: [e IN ev | e[0]], evidence_lines: [e IN ev | e[1]], evidence_texts: [e IN ev | e[2]], sources: reduce(s = [], e IN ev | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END), notegraph_keys: row.keys} AS want
WITH x, want, [k IN coalesce(x.notegraph_keys, []) WHERE NOT k IN coalesce(want.notegraph_keys, ` + evidenceKeysLiteral + `)] AS stale
WHERE size(stale) > 0 OR any(k IN keys(want) WHERE NOT coalesce(x[k] = want[k], x[k] IS NULL AND want[k] IS NULL))
SET x += want
FOREACH (k IN stale | SET x[k] = null)
RETURN count(x) AS written`

// nodeUpsertQuery merges the nodes of one label.
func nodeUpsertQuery(label, rows, files string) string {
	return fmt.Sprintf("UNWIND %s AS row\nMERGE (x:%s:%s {id: row.id})\n", rows, quoteName(NodeLabel), quoteName(label)) +
		fmt.Sprintf(mergeTail, files)
}

// relUpsertQuery merges the relationships of one type between notegraph
// nodes.
func relUpsertQuery(typ, rows, files string) string {
	nl := quoteName(NodeLabel)
	return fmt.Sprintf("UNWIND %s AS row\nMATCH (a:%s {id: row.source})\nMATCH (b:%s {id: row.target})\nMERGE (a)-[x:%s]->(b)\n",
		rows, nl, nl, quoteName(typ)) + fmt.Sprintf(mergeTail, files)
}

// Sync queries: find the items that have evidence in the load's files, then
// strip that evidence from the ones the new graph no longer has and delete
// those left with none.
var (
	staleNodeCandidates = fmt.Sprintf(`MATCH (x:%s) WHERE any(f IN coalesce(x.sources, []) WHERE f IN $files)
RETURN x.id AS id, elementId(x) AS eid`, quoteName(NodeLabel))
	staleRelCandidates = fmt.Sprintf(`MATCH (a:%[1]s)-[x]->(b:%[1]s) WHERE any(f IN coalesce(x.sources, []) WHERE f IN $files)
RETURN a.id AS source, type(x) AS type, b.id AS target, elementId(x) AS eid`, quoteName(NodeLabel))
	stripTail = `WITH x, coalesce(x.evidence_files, []) AS of
WITH x, [i IN range(0, size(of) - 1) WHERE NOT of[i] IN $files | [of[i], x.evidence_lines[i], x.evidence_texts[i]]] AS kept
FOREACH (_ IN CASE WHEN size(kept) > 0 THEN [1] ELSE [] END |
  SET x.evidence_files = [e IN kept | e[0]], x.evidence_lines = [e IN kept | e[1]], x.evidence_texts = [e IN kept | e[2]],
      x.sources = reduce(s = [], e IN kept | CASE WHEN size(s) > 0 AND s[-1] = e[0] THEN s ELSE s + e[0] END))
WITH x, kept WHERE size(kept) = 0
`
	priorEvidence = fmt.Sprintf(`CALL {
  MATCH (x:%[1]s) WHERE any(f IN coalesce(x.sources, []) WHERE f IN $files) RETURN 1 AS found LIMIT 1
  UNION
  MATCH (:%[1]s)-[x]->(:%[1]s) WHERE any(f IN coalesce(x.sources, []) WHERE f IN $files) RETURN 1 AS found LIMIT 1
}
RETURN found LIMIT 1`, quoteName(NodeLabel))
	staleNodeDelete = fmt.Sprintf("UNWIND $eids AS eid\nMATCH (x:%s) WHERE elementId(x) = eid\n", quoteName(NodeLabel)) +
		stripTail + "DETACH DELETE x"
	staleRelDelete = "UNWIND $eids AS eid\nMATCH ()-[x]->() WHERE elementId(x) = eid AND x.sources IS NOT NULL\n" +
		stripTail + "DELETE x"
)

// The live load writes each batch in one transaction of two queries: the
// first creates the rows whose item does not exist yet, with the properties
// computed here (newProps: what mergeTail would write when there is no
// evidence from other files), and returns the indexes of the existing ones
// whose properties differ from those (sameProps); only those go through the
// second, mergeTail's evidence merge and comparison.
// The creation is a MERGE … ON CREATE, so that a concurrent load that
// created the same item in between does not get it duplicated.

// nodeCreateQuery creates the nodes of $rows ([id, props]) of label that do
// not exist and returns, for every row, its index i, the node's element id,
// whether this query created it (fresh), and whether it existed with other
// properties (differs: those rows go through the evidence merge).
func nodeCreateQuery(label string) string {
	l := quoteName(NodeLabel) + ":" + quoteName(label)
	return fmt.Sprintf(`UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
OPTIONAL MATCH (o:%[1]s {id: row[0]})
WITH i, row, o IS NULL AS fresh
MERGE (x:%[1]s {id: row[0]}) ON CREATE SET x += row[1]
RETURN i, elementId(x) AS eid, fresh, NOT fresh AND NOT `+sameProps("x", "row[1]")+` AS differs`, l)
}

// relFreshQuery creates relationships of type typ with the property keys
// keys from $rows ([source element id, target element id, value of keys[0],
// value of keys[1], …]). It serves the relationships that have an end this
// load created: those cannot exist yet, so there is nothing to merge, and
// element ids spare the index lookups; the rows are lists rather than maps
// so the server reads no key per row. The NOT EXISTS guard keeps a retried
// batch (or a concurrent load) from doubling a relationship.
func relFreshQuery(typ string, keys []string) string {
	var props strings.Builder
	for i, k := range keys {
		if i > 0 {
			props.WriteString(", ")
		}
		fmt.Fprintf(&props, "%s: r[%d]", quoteName(k), i+2)
	}
	t := quoteName(typ)
	return fmt.Sprintf(`UNWIND $rows AS r
MATCH (a) WHERE elementId(a) = r[0]
MATCH (b) WHERE elementId(b) = r[1] AND NOT EXISTS { (a)-[:%[1]s]->(b) }
CREATE (a)-[:%[1]s {%[2]s}]->(b)`, t, props.String())
}

// relCreateQuery creates the relationships of type typ of $rows ([source,
// target, props]) that do not exist and returns the indexes of those that
// do and differ.
func relCreateQuery(typ string) string {
	return fmt.Sprintf(`UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
MATCH (a:%[1]s {id: row[0]})
MATCH (b:%[1]s {id: row[1]})
OPTIONAL MATCH (a)-[o:%[2]s]->(b)
FOREACH (_ IN CASE WHEN o IS NULL THEN [1] ELSE [] END | MERGE (a)-[x:%[2]s]->(b) ON CREATE SET x = row[2])
WITH i, row, o WHERE o IS NOT NULL AND NOT `+sameProps("o", "row[2]")+`
RETURN DISTINCT i`, quoteName(NodeLabel), quoteName(typ))
}

// sameProps is a Cypher condition: item x has all the properties of want
// (newProps) and no other key in notegraph_keys. Then x's evidence all lies
// in the load's files and mergeTail would write nothing, so a rerun of the
// same notes skips it.
func sameProps(x, want string) string {
	return fmt.Sprintf("(all(k IN keys(%[2]s) WHERE coalesce(%[1]s[k] = %[2]s[k], false)) AND all(k IN coalesce(%[1]s.notegraph_keys, []) WHERE k IN coalesce(%[2]s.notegraph_keys, %[3]s)))", x, want, evidenceKeysLiteral)
}

// newProps is what mergeTail writes on an item that has no evidence from
// outside the load: the row's props, its evidence lists and sources (left
// out when it has no evidence) and notegraph_keys.
func newProps(r row) map[string]any {
	keys := newPropKeys(r, nil)
	vals := newPropValues(r, keys, nil)
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		m[k] = vals[i]
	}
	return m
}

// newPropKeys appends the keys of newProps(r), sorted, to buf without
// building the map.
func newPropKeys(r row, buf []string) []string {
	props, _ := r["props"].(map[string]any)
	for k := range props {
		buf = append(buf, k)
	}
	if ev, _ := r["ev"].([]any); len(ev) > 0 {
		buf = append(buf, "evidence_files", "evidence_lines", "evidence_texts", "sources")
	}
	if _, ok := r["keys"]; ok {
		buf = append(buf, "notegraph_keys")
	}
	slices.Sort(buf)
	return buf
}

// newPropValues appends to buf the values of newProps(r) under keys (some
// or all of newPropKeys(r)), in their order.
func newPropValues(r row, keys []string, buf []any) []any {
	props, _ := r["props"].(map[string]any)
	var files, lines, texts, sources []any
	if ev, _ := r["ev"].([]any); len(ev) > 0 {
		files, lines, texts, sources = evidenceLists(ev)
	}
	for _, k := range keys {
		switch k {
		case "evidence_files":
			buf = append(buf, files)
		case "evidence_lines":
			buf = append(buf, lines)
		case "evidence_texts":
			buf = append(buf, texts)
		case "sources":
			buf = append(buf, sources)
		case "notegraph_keys":
			buf = append(buf, r["keys"])
		default:
			buf = append(buf, props[k])
		}
	}
	return buf
}

// evidenceLists splits a row's evidence ([[file, line, text], …], sorted)
// into the evidence_files, evidence_lines and evidence_texts lists and the
// sources (its distinct files).
func evidenceLists(ev []any) (files, lines, texts, sources []any) {
	files, lines, texts = make([]any, len(ev)), make([]any, len(ev)), make([]any, len(ev))
	for i, e := range ev {
		t := e.([]any)
		files[i], lines[i], texts[i] = t[0], t[1], t[2]
		if len(sources) == 0 || sources[len(sources)-1] != t[0] {
			sources = append(sources, t[0])
		}
	}
	return files, lines, texts, sources
}
