package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

func writeGraphML(t testing.TB, g graph.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := GraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGraphMLGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    graph.Graph
	}{
		{"seed.graphml", seedGraph()},
		{"nasty.graphml", nastyGraph()},
		{"empty.graphml", graph.Graph{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := writeGraphML(t, tc.g)
			checkGolden(t, tc.name, got)
			if again := writeGraphML(t, tc.g); !bytes.Equal(got, again) {
				t.Error("two writes of the same graph differ")
			}
		})
	}
}

// readBack is what a GraphML reader gives back: the shape that
// testdata/read_graphml.py prints for networkx.
type readBack struct {
	Class string                    `json:"class"`
	Graph map[string]any            `json:"graph"`
	Nodes map[string]map[string]any `json:"nodes"`
	Edges [][4]any                  `json:"edges"` // source, target, id, attributes
}

// TestGraphMLReadBack parses the output with encoding/xml (strict XML 1.0:
// it rejects characters XML forbids) and checks every value.
func TestGraphMLReadBack(t *testing.T) {
	for _, g := range []graph.Graph{seedGraph(), nastyGraph(), exampleGraph(t), vaultGraph(t)} {
		rb := readGraphMLGo(t, writeGraphML(t, g))
		checkReadBack(t, g, rb)
	}
}

// TestGraphMLNetworkx reads the output with networkx's read_graphml.
func TestGraphMLNetworkx(t *testing.T) {
	python := requirePython(t, "networkx")
	for _, tc := range []struct {
		name  string
		g     graph.Graph
		class string
	}{
		{"seed", seedGraph(), "MultiDiGraph"}, // it has parallel edges
		{"nasty", nastyGraph(), "MultiDiGraph"},
		{"simple", simpleGraph(), "DiGraph"},
		{"pycodeconf", exampleGraph(t), "MultiDiGraph"},
		{"vault", vaultGraph(t), "MultiDiGraph"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name+".graphml")
			if err := os.WriteFile(path, writeGraphML(t, tc.g), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(python, filepath.Join("testdata", "read_graphml.py"), path)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("read_graphml.py: %v\n%s", err, stderr.Bytes())
			}
			var rb readBack
			if err := json.Unmarshal(out, &rb); err != nil {
				t.Fatal(err)
			}
			if rb.Class != tc.class {
				t.Errorf("networkx read a %s, want %s", rb.Class, tc.class)
			}
			checkReadBack(t, tc.g, rb)
		})
	}
}

// simpleGraph is seedGraph without parallel edges.
func simpleGraph() graph.Graph {
	g := seedGraph()
	seen := map[[2]string]bool{}
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		k := [2]string{e.Source, e.Target}
		if !seen[k] {
			seen[k] = true
			edges = append(edges, e)
		}
	}
	g.Edges = edges
	return g
}

// requirePython returns the python3 to run, with the modules importable.
// Under CI=true their absence fails the test; otherwise it skips.
func requirePython(t *testing.T, modules ...string) string {
	t.Helper()
	missing := func(msg string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (CI=true: make setup-python installs requirements-dev.txt)", msg)
		}
		t.Skipf("%s: skipping (pip install -r requirements-dev.txt, or make setup-python)", msg)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		missing("python3 not found")
	}
	for _, m := range modules {
		if out, err := exec.Command(python, "-c", "import "+m).CombinedOutput(); err != nil {
			missing("python3 cannot import " + m + ": " + strings.TrimSpace(string(out)))
		}
	}
	return python
}

// xmlSafe is what a plain string value reads back as: every character XML
// 1.0 cannot carry becomes U+FFFD.
func xmlSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !xmlChar(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// jsonSafe is what a string inside a JSON array reads back as: control
// characters survive (JSON escapes them), the rest is as in xmlSafe.
func jsonSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !xmlChar(r) && r >= 0x20 {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wantAttrs is what a reader should give back for a node or an edge.
func wantAttrs(typ string, n *graph.Node, scores map[string]float64, props map[string]string, ev []graph.Evidence) map[string]any {
	m := map[string]any{}
	putString := func(k, v string) {
		if v = xmlSafe(v); v != "" {
			m[k] = v
		}
	}
	list := func(ss []string) []any {
		l := []any{}
		for _, s := range ss {
			l = append(l, jsonSafe(s))
		}
		return l
	}
	putString("type", typ)
	if n != nil {
		putString("name", n.Name)
		m["aliases"] = list(n.Aliases)
		if n.Community != nil {
			m["community"] = float64(*n.Community)
		}
	}
	for _, p := range appendOpen(nil, scores, props) {
		switch v := p.Value.(type) {
		case string:
			putString(p.Key, v)
		case float64:
			m[p.Key] = v
		}
	}
	evs := []any{}
	for _, e := range ev {
		evs = append(evs, map[string]any{"file": jsonSafe(e.File), "line": float64(e.Line), "text": jsonSafe(e.Text)})
	}
	m["evidence"] = evs
	m["evidence_count"] = float64(len(evs))
	m["sources"] = list(Sources(ev))
	return m
}

// gotAttrs decodes the JSON-array attributes of a read-back item.
func gotAttrs(t *testing.T, d map[string]any) map[string]any {
	m := map[string]any{}
	for k, v := range d {
		if s, ok := v.(string); ok && (k == PropAliases || k == PropSources || k == "evidence") {
			var x any
			if err := json.Unmarshal([]byte(s), &x); err != nil {
				t.Errorf("%s = %q is not a JSON array: %v", k, s, err)
			}
			v = x
		}
		m[k] = v
	}
	return m
}

func checkReadBack(t *testing.T, g graph.Graph, rb readBack) {
	t.Helper()
	if got, want := rb.Graph["title"], xmlSafe(g.Title); want != "" && got != want {
		t.Errorf("graph title = %q, want %q", got, want)
	}
	if len(rb.Nodes) != len(g.Nodes) {
		t.Errorf("read %d nodes, wrote %d", len(rb.Nodes), len(g.Nodes))
	}
	for _, n := range g.Nodes {
		d, ok := rb.Nodes[xmlSafe(n.ID)]
		if !ok {
			t.Errorf("node %q missing", n.ID)
			continue
		}
		compareAttrs(t, "node "+n.ID, wantAttrs(n.Type, &n, n.Scores, n.Props, n.Evidence), gotAttrs(t, d))
	}
	if len(rb.Edges) != len(g.Edges) {
		t.Errorf("read %d edges, wrote %d", len(rb.Edges), len(g.Edges))
	}
	edges := map[string][4]any{}
	for _, e := range rb.Edges {
		id, _ := e[2].(string)
		edges[id] = e
	}
	for _, e := range g.Edges {
		id := xmlSafe(e.Key())
		got, ok := edges[id]
		if !ok {
			t.Errorf("edge %q missing", id)
			continue
		}
		if got[0] != xmlSafe(e.Source) || got[1] != xmlSafe(e.Target) {
			t.Errorf("edge %q: ends %q → %q", id, got[0], got[1])
		}
		d, _ := got[3].(map[string]any)
		compareAttrs(t, "edge "+id, wantAttrs(e.Type, nil, e.Scores, e.Props, e.Evidence), gotAttrs(t, d))
	}
}

func compareAttrs(t *testing.T, what string, want, got map[string]any) {
	t.Helper()
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: attribute %s missing (want %#v)", what, k, w)
			continue
		}
		if wf, ok := w.(float64); ok {
			gf, ok := g.(float64)
			if !ok || math.Abs(wf-gf) > 1e-12*math.Max(1, math.Abs(wf)) {
				t.Errorf("%s: %s = %#v, want %v", what, k, g, wf)
			}
			continue
		}
		wj, _ := json.Marshal(w)
		gj, _ := json.Marshal(g)
		if !bytes.Equal(wj, gj) {
			t.Errorf("%s: %s = %s, want %s", what, k, gj, wj)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected attribute %s = %#v", what, k, g)
		}
	}
}

// readGraphMLGo is a small GraphML reader on encoding/xml, giving the same
// shape as read_graphml.py.
func readGraphMLGo(t *testing.T, data []byte) readBack {
	t.Helper()
	type dataElem struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string     `xml:"edgedefault,attr"`
			Data        []dataElem `xml:"data"`
			Nodes       []struct {
				ID   string     `xml:"id,attr"`
				Data []dataElem `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string     `xml:"id,attr"`
				Source string     `xml:"source,attr"`
				Target string     `xml:"target,attr"`
				Data   []dataElem `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not valid XML: %v", err)
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if cd, ok := tok.(xml.CharData); err != nil || !ok || len(bytes.TrimSpace(cd)) > 0 {
			t.Fatalf("data after </graphml>: %#v, %v", tok, err)
		}
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	keys := map[string]struct{ name, typ string }{}
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key id %s declared twice", k.ID)
		}
		keys[k.ID] = struct{ name, typ string }{k.Name, k.Type}
	}
	decode := func(ds []dataElem) map[string]any {
		m := map[string]any{}
		for _, d := range ds {
			k, ok := keys[d.Key]
			if !ok {
				t.Errorf("data for undeclared key %s", d.Key)
				continue
			}
			if _, dup := m[k.name]; dup {
				t.Errorf("attribute %s given twice", k.name)
			}
			switch k.typ {
			case "string":
				m[k.name] = d.Value
			case "long", "int":
				i, err := strconv.ParseInt(d.Value, 10, 64)
				if err != nil {
					t.Errorf("%s: %v", k.name, err)
				}
				m[k.name] = float64(i)
			case "double":
				f, err := strconv.ParseFloat(d.Value, 64)
				if err != nil {
					t.Errorf("%s: %v", k.name, err)
				}
				m[k.name] = f
			default:
				t.Errorf("key %s has type %s", d.Key, k.typ)
			}
		}
		return m
	}
	rb := readBack{Class: "MultiDiGraph", Graph: decode(doc.Graph.Data), Nodes: map[string]map[string]any{}}
	for _, n := range doc.Graph.Nodes {
		if _, dup := rb.Nodes[n.ID]; dup {
			t.Errorf("node id %q twice", n.ID)
		}
		rb.Nodes[n.ID] = decode(n.Data)
	}
	ids := map[string]bool{}
	for _, e := range doc.Graph.Edges {
		if ids[e.ID] {
			t.Errorf("edge id %q twice", e.ID)
		}
		ids[e.ID] = true
		if rb.Nodes[e.Source] == nil || rb.Nodes[e.Target] == nil {
			t.Errorf("edge %q has an unknown end", e.ID)
		}
		rb.Edges = append(rb.Edges, [4]any{e.Source, e.Target, e.ID, decode(e.Data)})
	}
	return rb
}

// BenchmarkGraphML writes a synthetic 100k-node, ~500k-edge graph; SetBytes
// makes go test report MB/s of GraphML written.
func BenchmarkGraphML(b *testing.B) {
	g := bigGraph(100_000)
	var buf bytes.Buffer
	if err := GraphML(&buf, g); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportMetric(float64(len(g.Nodes)), "nodes")
	b.ReportMetric(float64(len(g.Edges)), "edges")
	b.ResetTimer()
	for b.Loop() {
		if err := GraphML(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGraphMLEdgeIDs checks that edge ids stay unique in a graph that was
// not normalized, sorted or not.
func TestGraphMLEdgeIDs(t *testing.T) {
	n := func(id string) graph.Node { return graph.Node{ID: id, Type: "T", Name: id} }
	e := func(s, typ, tg string) graph.Edge { return graph.Edge{Source: s, Target: tg, Type: typ} }
	for _, edges := range [][]graph.Edge{
		{e("a", "R", "b"), e("a", "R", "b"), e("a", "S", "b"), e("b", "R", "a")},
		{e("b", "R", "a"), e("a", "R", "b"), e("a", "S", "b"), e("a", "R", "b")},
	} {
		g := graph.Graph{Nodes: []graph.Node{n("a"), n("b")}, Edges: edges}
		rb := readGraphMLGo(t, writeGraphML(t, g))
		var ids []string
		for _, e := range rb.Edges {
			ids = append(ids, e[2].(string))
		}
		slices.Sort(ids)
		want := []string{"a|R|b", "a|R|b#2", "a|S|b", "b|R|a"}
		if !slices.Equal(ids, want) {
			t.Errorf("edge ids %q, want %q", ids, want)
		}
	}
}

// BenchmarkJSON writes the graph of BenchmarkGraphML with graph.WriteJSON,
// for comparison in the same run.
func BenchmarkJSON(b *testing.B) {
	g := bigGraph(100_000)
	var buf bytes.Buffer
	if err := graph.WriteJSON(&buf, g); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for b.Loop() {
		if err := graph.WriteJSON(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}
