package export_test

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/notegraph/notegraph/export"
	"github.com/notegraph/notegraph/graph"
)

// Integration tests need a Neo4j server: NEO4J_URI (NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE), set by scripts/with-neo4j in `make test`.
// Without it they skip, except under CI=true, where they fail.
//
// They delete every :Notegraph node of that database before each test:
// point them at a scratch server (make neo4j), never at your data.

func neo4jConfig(t testing.TB) export.Neo4jConfig {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_URI is not set (CI=true: a Neo4j server is required; run the tests through scripts/with-neo4j)")
		}
		t.Skip("NEO4J_URI is not set: start a server with `make neo4j` and eval \"$(scripts/neo4j env)\", or run `make test`")
	}
	lockNeo4j(t)
	user := os.Getenv("NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	return export.Neo4jConfig{URI: uri, Username: user, Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
}

// lockNeo4j holds, until t ends, a lock that every test touching the
// shared database takes: go test runs packages in parallel, and Community
// Edition has one database.
func lockNeo4j(t testing.TB) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "notegraph-neo4j-tests.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
}

// testDriver connects to the test server and empties it of notegraph nodes.
func testDriver(t testing.TB) (neo4j.DriverWithContext, export.Neo4jConfig) {
	t.Helper()
	c := neo4jConfig(t)
	ctx := context.Background()
	d, err := export.ConnectNeo4j(ctx, c)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { d.Close(ctx) })
	resetDB(t, d, c)
	return d, c
}

// resetDB deletes every :Notegraph node and the test's hand-made nodes.
func resetDB(t testing.TB, d neo4j.DriverWithContext, c export.Neo4jConfig) {
	t.Helper()
	for _, label := range []string{export.NodeLabel, "NotegraphTestManual"} {
		for {
			res, err := neo4j.ExecuteQuery(context.Background(), d,
				fmt.Sprintf("MATCH (n:`%s`) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n", label), nil,
				neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
			if err != nil {
				t.Fatalf("reset database: %v", err)
			}
			if res.Records[0].Values[0].(int64) == 0 {
				break
			}
		}
	}
}

func run(t testing.TB, d neo4j.DriverWithContext, c export.Neo4jConfig, q string, params map[string]any) *neo4j.EagerResult {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return res
}

func load(t testing.TB, d neo4j.DriverWithContext, c export.Neo4jConfig, g graph.Graph, opts export.Neo4jOptions) export.Neo4jStats {
	t.Helper()
	opts.Database = c.Database
	st, err := export.Neo4j(context.Background(), d, g, opts)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return st
}

// dbState is what the database holds for notegraph: every node by id with
// its labels and properties, every relationship between notegraph nodes by
// "source|TYPE|target" with its properties (a list, to catch duplicates).
type dbState struct {
	Nodes map[string]dbNode
	Rels  map[string][]map[string]any
}

type dbNode struct {
	Labels []string
	Props  map[string]any
}

func snapshot(t testing.TB, d neo4j.DriverWithContext, c export.Neo4jConfig) dbState {
	t.Helper()
	s := dbState{Nodes: map[string]dbNode{}, Rels: map[string][]map[string]any{}}
	res := run(t, d, c, "MATCH (n:Notegraph) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props", nil)
	for _, r := range res.Records {
		id := r.Values[0].(string)
		if _, dup := s.Nodes[id]; dup {
			t.Errorf("duplicate node %q", id)
		}
		var labels []string
		for _, l := range r.Values[1].([]any) {
			labels = append(labels, l.(string))
		}
		slices.Sort(labels)
		s.Nodes[id] = dbNode{labels, r.Values[2].(map[string]any)}
	}
	res = run(t, d, c, "MATCH (a:Notegraph)-[r]->(b:Notegraph) RETURN a.id + '|' + type(r) + '|' + b.id AS k, properties(r) AS props", nil)
	for _, r := range res.Records {
		k := r.Values[0].(string)
		s.Rels[k] = append(s.Rels[k], r.Values[1].(map[string]any))
	}
	return s
}

// expectedState is what a load of g alone must leave, derived from g by the
// rules documented on export.NodeLabel (not by the exporter's code).
func expectedState(g graph.Graph) dbState {
	s := dbState{Nodes: map[string]dbNode{}, Rels: map[string][]map[string]any{}}
	for _, n := range g.Nodes {
		p := map[string]any{"id": n.ID, "name": n.Name}
		if len(n.Aliases) > 0 {
			p["aliases"] = anyList(n.Aliases)
		}
		if n.Community != nil {
			p["community"] = int64(*n.Community)
		}
		for k, v := range n.Scores {
			p[k] = v
		}
		for k, v := range n.Props {
			p[k] = v
		}
		addEvidence(p, n.Evidence)
		labels := []string{export.NodeLabel, n.Type}
		slices.Sort(labels)
		s.Nodes[n.ID] = dbNode{labels, p}
	}
	for _, e := range g.Edges {
		p := map[string]any{}
		for k, v := range e.Scores {
			p[k] = v
		}
		for k, v := range e.Props {
			p[k] = v
		}
		addEvidence(p, e.Evidence)
		s.Rels[e.Key()] = []map[string]any{p}
	}
	return s
}

func addEvidence(p map[string]any, ev []graph.Evidence) {
	ev = slices.Clone(ev)
	slices.SortFunc(ev, func(a, b graph.Evidence) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Text, b.Text))
	})
	var files, lines, texts, sources []any
	for _, e := range ev {
		files = append(files, e.File)
		lines = append(lines, int64(e.Line))
		texts = append(texts, e.Text)
		if len(sources) == 0 || sources[len(sources)-1] != e.File {
			sources = append(sources, e.File)
		}
	}
	if len(ev) > 0 {
		p["evidence_files"], p["evidence_lines"], p["evidence_texts"], p["sources"] = files, lines, texts, sources
	}
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// withoutInternal drops notegraph_keys, which expectedState does not model.
func withoutInternal(s dbState) dbState {
	out := dbState{Nodes: map[string]dbNode{}, Rels: map[string][]map[string]any{}}
	for id, n := range s.Nodes {
		p := map[string]any{}
		for k, v := range n.Props {
			if k != "notegraph_keys" {
				p[k] = v
			}
		}
		out.Nodes[id] = dbNode{n.Labels, p}
	}
	for k, rs := range s.Rels {
		for _, r := range rs {
			p := map[string]any{}
			for k, v := range r {
				if k != "notegraph_keys" {
					p[k] = v
				}
			}
			out.Rels[k] = append(out.Rels[k], p)
		}
	}
	return out
}

// diffState reports the differences between want and got, at most a few.
func diffState(t testing.TB, what string, want, got dbState) {
	t.Helper()
	n := 0
	report := func(format string, a ...any) {
		if n < 8 {
			t.Errorf(what+": "+format, a...)
		}
		n++
	}
	for _, id := range slices.Sorted(mapsKeys(want.Nodes)) {
		g, ok := got.Nodes[id]
		switch {
		case !ok:
			report("node %q missing", id)
		case !reflect.DeepEqual(want.Nodes[id], g):
			report("node %q:\n got  %#v\n want %#v", id, g, want.Nodes[id])
		}
	}
	for id := range got.Nodes {
		if _, ok := want.Nodes[id]; !ok {
			report("unexpected node %q", id)
		}
	}
	for _, k := range slices.Sorted(mapsKeys(want.Rels)) {
		g, ok := got.Rels[k]
		switch {
		case !ok:
			report("relationship %s missing", k)
		case !reflect.DeepEqual(want.Rels[k], g):
			report("relationship %s:\n got  %#v\n want %#v", k, g, want.Rels[k])
		}
	}
	for k := range got.Rels {
		if _, ok := want.Rels[k]; !ok {
			report("unexpected relationship %s", k)
		}
	}
	if n > 8 {
		t.Errorf("%s: … %d differences in all", what, n)
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func intp(i int) *int { return &i }

// trickyGraph has names and texts with quotes, backticks, backslashes,
// newlines, control characters and Unicode, a label and a relationship type
// that need quoting, scores, props and a community, and a node without
// evidence.
func trickyGraph() graph.Graph {
	ev := func(f string, l int, t string) []graph.Evidence { return []graph.Evidence{{File: f, Line: l, Text: t}} }
	names := []string{
		`O'Brien "Bob"`,
		"Back\\slash \\n not a newline",
		"Line one\nLine two\r\n\ttabbed",
		"naïve Ünïcödé — 日本語 😀 \u00a0nbsp \u200bzwsp \u2028ls",
		"Back`tick`` and ``` more",
		"semi; colon;\n// comment */ /* ",
		"Ctrl \x01\x1f\x7f chars",
	}
	g := graph.Graph{Title: "tricky", Files: []string{"a.md", "b 'quoted'.md", "c\\dir/ü.md"}}
	for i, name := range names {
		typ := graph.Person
		if i%2 == 1 {
			typ = graph.Tool
		}
		n := graph.Node{ID: graph.ID(typ, name) + fmt.Sprint(i), Type: typ, Name: name,
			Aliases:  []string{name + " alias", "Ω'`\\"},
			Evidence: append(ev("a.md", i+1, "text of "+name), ev(g.Files[i%3], 100+i, name+"\n…")...)}
		if i == 2 {
			n.Scores = map[string]float64{"pagerank": 0.125, "degree": 3, "betweenness": 1e-9}
			n.Community = intp(2)
			n.Props = map[string]string{"url": "https://example.org/?q='x'&r=\"y\""}
		}
		g.Nodes = append(g.Nodes, n)
	}
	g.Nodes = append(g.Nodes,
		graph.Node{ID: "odd`type:x", Type: "Odd`Type Label", Name: "Odd", Evidence: ev("a.md", 50, "odd")},
		graph.Node{ID: "concept:no-evidence", Type: graph.Concept, Name: "No evidence"},
	)
	ids := []string{}
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	for i := range len(ids) - 1 {
		typ := graph.RelatedTo
		if i%3 == 0 {
			typ = "REL`WITH space"
		}
		g.Edges = append(g.Edges, graph.Edge{Source: ids[i], Target: ids[i+1], Type: typ,
			Evidence: append(ev("a.md", 200+i, "edge 'text' \\ `x`"), ev(g.Files[(i+1)%3], 300+i, "more\nlines")...)})
	}
	g.Edges[0].Scores = map[string]float64{"weight": 2.5}
	g.Normalize()
	return g
}

// updateGolden is the package's -update flag (defined here unless another
// test file of the package already defines it).
var updateGolden = func() func() bool {
	f := flag.Lookup("update")
	if f == nil {
		b := flag.Bool("update", false, "rewrite golden files in testdata/")
		return func() bool { return *b }
	}
	return func() bool { return f.Value.String() == "true" }
}()

// within fails t when f takes longer than d.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if el := time.Since(start); el > d {
		t.Errorf("%s took %v, want under %v", what, el, d)
	}
}
