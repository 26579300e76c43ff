package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// GraphML attribute names that are not Neo4j properties.
const (
	graphmlType          = "type"
	graphmlEvidence      = "evidence"
	graphmlEvidenceCount = "evidence_count"
)

// gmlKey is one GraphML <key>: an attribute name with its type, for nodes,
// edges or the graph.
type gmlKey struct {
	id, name, typ string // typ is a GraphML attr.type
	rank          int    // fixed attributes first, in a fixed order
}

// gmlAttr is one attribute value of a node or an edge, ready to write.
type gmlAttr struct {
	name, typ string
	// val is the value in GraphML's lexical form, not yet XML-escaped.
	val []byte
}

// GraphML writes g as GraphML (http://graphml.graphdrawing.org/), directed,
// for networkx, Gephi, yEd and other graph tools.
//
// Node ids are the graph's node IDs; edge ids are "source|TYPE|target", so
// two edges between the same nodes with different types stay apart (networkx
// reads such a file as a MultiDiGraph keyed by these ids). Every node and
// edge carries typed attributes (<key>s):
//
//	node: type, name (string); aliases (string: JSON array); community
//	      (long, when computed); one double per score and one string per
//	      descriptive prop, named as in NodePropertyList; evidence (string:
//	      JSON array of {"file","line","text"}); evidence_count (long);
//	      sources (string: JSON array of files)
//	edge: type (string); scores, props, evidence, evidence_count, sources
//	      as for nodes
//	graph: title (string), files (string: JSON array)
//
// GraphML has no list type, hence the JSON arrays: json.loads gives them
// back exactly, control characters included. In plain string values,
// characters XML 1.0 cannot carry (NUL and other C0 controls except TAB,
// LF, CR; U+FFFE; U+FFFF; bytes that are not UTF-8) are replaced by U+FFFD.
// Empty strings are left out, as readers treat an empty <data> as absent.
// Doubles are written in the shortest form that reads back exactly; NaN
// and infinities as NaN, INF, -INF (XML Schema).
//
// Output is deterministic: keys are declared in a fixed order (fixed
// attributes, then the others sorted by name and type) and nodes and edges
// are written in g's order (sorted by graph.Normalize).
func GraphML(w io.Writer, g graph.Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	gw := &graphmlWriter{w: bw}
	gw.write(g)
	if gw.err != nil {
		return fmt.Errorf("write graphml: %w", gw.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write graphml: %w", err)
	}
	return nil
}

type graphmlWriter struct {
	w   *bufio.Writer
	err error
	buf []byte // scratch: one element at a time
	val []byte // scratch: one value
}

func (gw *graphmlWriter) flush() {
	if gw.err == nil {
		_, gw.err = gw.w.Write(gw.buf)
	}
	gw.buf = gw.buf[:0]
}

func (gw *graphmlWriter) write(g graph.Graph) {
	nodeKeys := collectKeys("n", len(g.Nodes), func(i int, yield func(name, typ string)) {
		gw.nodeAttrs(g.Nodes[i], func(a gmlAttr) { yield(a.name, a.typ) })
	})
	edgeKeys := collectKeys("e", len(g.Edges), func(i int, yield func(name, typ string)) {
		gw.edgeAttrs(g.Edges[i], func(a gmlAttr) { yield(a.name, a.typ) })
	})

	gw.buf = append(gw.buf, `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="g0" for="graph" attr.name="title" attr.type="string"/>
  <key id="g1" for="graph" attr.name="files" attr.type="string"/>
`...)
	for _, set := range []struct {
		for_ string
		keys []gmlKey
	}{{"node", nodeKeys}, {"edge", edgeKeys}} {
		for _, k := range set.keys {
			gw.buf = append(gw.buf, `  <key id="`...)
			gw.buf = append(gw.buf, k.id...)
			gw.buf = append(gw.buf, `" for="`...)
			gw.buf = append(gw.buf, set.for_...)
			gw.buf = append(gw.buf, `" attr.name="`...)
			gw.buf = appendXML(gw.buf, k.name, true)
			gw.buf = append(gw.buf, `" attr.type="`...)
			gw.buf = append(gw.buf, k.typ...)
			gw.buf = append(gw.buf, "\"/>\n"...)
		}
	}
	gw.buf = append(gw.buf, `  <graph id="G" edgedefault="directed">`+"\n"...)
	if g.Title != "" {
		gw.buf = append(gw.buf, `    <data key="g0">`...)
		gw.buf = appendXML(gw.buf, g.Title, false)
		gw.buf = append(gw.buf, "</data>\n"...)
	}
	if len(g.Files) > 0 {
		gw.buf = append(gw.buf, `    <data key="g1">`...)
		gw.val = appendJSONStrings(gw.val[:0], g.Files)
		gw.buf = appendXML(gw.buf, gw.val, false)
		gw.buf = append(gw.buf, "</data>\n"...)
	}
	gw.flush()

	nodeIdx := keyIndex(nodeKeys)
	for _, n := range g.Nodes {
		gw.buf = append(gw.buf, `    <node id="`...)
		gw.buf = appendXML(gw.buf, n.ID, true)
		gw.buf = append(gw.buf, "\">\n"...)
		gw.nodeAttrs(n, func(a gmlAttr) { gw.appendData(nodeIdx, a) })
		gw.buf = append(gw.buf, "    </node>\n"...)
		gw.flush()
	}
	edgeIdx := keyIndex(edgeKeys)
	// Normalized graphs have one edge per key, sorted; keep ids unique
	// anyway, counting repeats in a map only when the edges are not sorted.
	sorted := slices.IsSortedFunc(g.Edges, compareEdges)
	var seen map[string]int
	if !sorted {
		seen = map[string]int{}
	}
	dup := 0
	for i, e := range g.Edges {
		switch {
		case sorted && i > 0 && compareEdges(e, g.Edges[i-1]) == 0:
			dup++
		case sorted:
			dup = 0
		default:
			dup = seen[e.Key()]
			seen[e.Key()]++
		}
		gw.buf = append(gw.buf, `    <edge id="`...)
		gw.buf = appendXML(gw.buf, e.Source, true)
		gw.buf = append(gw.buf, '|')
		gw.buf = appendXML(gw.buf, e.Type, true)
		gw.buf = append(gw.buf, '|')
		gw.buf = appendXML(gw.buf, e.Target, true)
		if dup > 0 {
			gw.buf = append(gw.buf, '#')
			gw.buf = strconv.AppendInt(gw.buf, int64(dup+1), 10)
		}
		gw.buf = append(gw.buf, `" source="`...)
		gw.buf = appendXML(gw.buf, e.Source, true)
		gw.buf = append(gw.buf, `" target="`...)
		gw.buf = appendXML(gw.buf, e.Target, true)
		gw.buf = append(gw.buf, "\">\n"...)
		gw.edgeAttrs(e, func(a gmlAttr) { gw.appendData(edgeIdx, a) })
		gw.buf = append(gw.buf, "    </edge>\n"...)
		gw.flush()
	}
	gw.buf = append(gw.buf, "  </graph>\n</graphml>\n"...)
	gw.flush()
}

func (gw *graphmlWriter) appendData(idx map[[2]string]string, a gmlAttr) {
	if len(a.val) == 0 {
		return
	}
	gw.buf = append(gw.buf, `      <data key="`...)
	gw.buf = append(gw.buf, idx[[2]string{a.name, a.typ}]...)
	gw.buf = append(gw.buf, `">`...)
	gw.buf = appendXML(gw.buf, a.val, false)
	gw.buf = append(gw.buf, "</data>\n"...)
}

// nodeAttrs calls yield with each GraphML attribute of n, in order.
// The value slice is only valid during the call.
func (gw *graphmlWriter) nodeAttrs(n graph.Node, yield func(gmlAttr)) {
	gw.val = append(gw.val[:0], n.Type...)
	yield(gmlAttr{graphmlType, "string", gw.val})
	gw.val = append(gw.val[:0], n.Name...)
	yield(gmlAttr{PropName, "string", gw.val})
	gw.val = appendJSONStrings(gw.val[:0], n.Aliases)
	yield(gmlAttr{PropAliases, "string", gw.val})
	if n.Community != nil {
		gw.val = strconv.AppendInt(gw.val[:0], int64(*n.Community), 10)
		yield(gmlAttr{PropCommunity, "long", gw.val})
	}
	gw.open(appendOpen(nil, n.Scores, n.Props), yield)
	gw.evidence(n.Evidence, yield)
}

func (gw *graphmlWriter) edgeAttrs(e graph.Edge, yield func(gmlAttr)) {
	gw.val = append(gw.val[:0], e.Type...)
	yield(gmlAttr{graphmlType, "string", gw.val})
	gw.open(appendOpen(nil, e.Scores, e.Props), yield)
	gw.evidence(e.Evidence, yield)
}

// open writes scores and descriptive props under the keys NodePropertyList
// gives them.
func (gw *graphmlWriter) open(ps []Property, yield func(gmlAttr)) {
	for _, p := range ps {
		switch x := p.Value.(type) {
		case string:
			gw.val = append(gw.val[:0], x...)
			yield(gmlAttr{p.Key, "string", gw.val})
		case float64:
			gw.val = appendXSDDouble(gw.val[:0], x)
			yield(gmlAttr{p.Key, "double", gw.val})
		default:
			panic(fmt.Sprintf("export: graphml: property %s has unexpected type %T", p.Key, p.Value))
		}
	}
}

// evidence writes evidence as one JSON array of objects, its count, and
// the sorted set of its files.
func (gw *graphmlWriter) evidence(ev []graph.Evidence, yield func(gmlAttr)) {
	v := append(gw.val[:0], '[')
	for i, e := range ev {
		if i > 0 {
			v = append(v, ',')
		}
		v = append(v, `{"file":`...)
		v = appendJSONString(v, e.File)
		v = append(v, `,"line":`...)
		v = strconv.AppendInt(v, int64(e.Line), 10)
		v = append(v, `,"text":`...)
		v = appendJSONString(v, e.Text)
		v = append(v, '}')
	}
	gw.val = append(v, ']')
	yield(gmlAttr{graphmlEvidence, "string", gw.val})
	gw.val = strconv.AppendInt(gw.val[:0], int64(len(ev)), 10)
	yield(gmlAttr{graphmlEvidenceCount, "long", gw.val})
	gw.val = appendSourcesJSON(gw.val[:0], ev)
	yield(gmlAttr{PropSources, "string", gw.val})
}

// appendSourcesJSON appends Sources(ev) as a JSON array, without building
// it when ev is sorted by file (as graph.Normalize leaves it).
func appendSourcesJSON(dst []byte, ev []graph.Evidence) []byte {
	if !slices.IsSortedFunc(ev, func(a, b graph.Evidence) int { return cmp.Compare(a.File, b.File) }) {
		return appendJSONStrings(dst, Sources(ev))
	}
	dst = append(dst, '[')
	for i, e := range ev {
		if i > 0 && e.File == ev[i-1].File {
			continue
		}
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, e.File)
	}
	return append(dst, ']')
}

// appendXSDDouble appends f in the shortest form that parses back to f,
// with XML Schema's names for the special values.
func appendXSDDouble(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "INF"...)
	case math.IsInf(f, -1):
		return append(dst, "-INF"...)
	}
	return strconv.AppendFloat(dst, f, 'g', -1, 64)
}

// compareEdges orders edges as graph.Normalize does.
func compareEdges(a, b graph.Edge) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target), strings.Compare(a.Type, b.Type))
}

// graphmlRank orders the fixed attributes; others come after, sorted.
var graphmlRank = map[string]int{
	graphmlType: 1, PropName: 2, PropAliases: 3, PropCommunity: 4,
	graphmlEvidence: 100, graphmlEvidenceCount: 101, PropSources: 102,
}

// collectKeys returns the keys that the n items use, in declaration order,
// with ids prefix0, prefix1, …. A name used with two types (a score on one
// node, a prop on another) gets a key for each.
func collectKeys(prefix string, n int, attrs func(i int, yield func(name, typ string))) []gmlKey {
	seen := map[[2]string]bool{}
	var keys []gmlKey
	for i := range n {
		attrs(i, func(name, typ string) {
			k := [2]string{name, typ}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, gmlKey{name: name, typ: typ, rank: graphmlRank[name]})
			}
		})
	}
	slices.SortFunc(keys, func(a, b gmlKey) int {
		ra, rb := a.rank, b.rank
		if ra == 0 {
			ra = 50
		}
		if rb == 0 {
			rb = 50
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(a.name, b.name), cmp.Compare(a.typ, b.typ))
	})
	for i := range keys {
		keys[i].id = prefix + strconv.Itoa(i)
	}
	return keys
}

func keyIndex(keys []gmlKey) map[[2]string]string {
	m := make(map[[2]string]string, len(keys))
	for _, k := range keys {
		m[[2]string{k.name, k.typ}] = k.id
	}
	return m
}
