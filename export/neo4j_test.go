package export_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/notegraph/notegraph/export"
	"github.com/notegraph/notegraph/extract"
	"github.com/notegraph/notegraph/graph"
)

func TestNeo4jLoadRoundTripAndIdempotence(t *testing.T) {
	d, c := testDriver(t)
	g := trickyGraph()

	st := load(t, d, c, g, export.Neo4jOptions{BatchSize: 3})
	if st.NodesCreated != len(g.Nodes) || st.RelsCreated != len(g.Edges) || st.NodesUpdated+st.RelsUpdated+st.NodesDeleted+st.RelsDeleted != 0 {
		t.Errorf("first load: %v; want %d nodes and %d relationships created, nothing else", st, len(g.Nodes), len(g.Edges))
	}
	diffState(t, "after load", expectedState(g), withoutInternal(snapshot(t, d, c)))

	// The same notes again: nothing changes, not even a property.
	before := snapshot(t, d, c)
	st = load(t, d, c, g, export.Neo4jOptions{BatchSize: 3})
	if st.Changed() {
		t.Errorf("second load of the same graph changed the database: %v", st)
	}
	diffState(t, "after rerun", before, snapshot(t, d, c))

	// One alias more and one score less: one node updated, honestly.
	g2 := trickyGraph()
	for i := range g2.Nodes {
		if g2.Nodes[i].Scores != nil {
			delete(g2.Nodes[i].Scores, "degree")
			g2.Nodes[i].Aliases = append(g2.Nodes[i].Aliases, "Zed")
		}
	}
	st = load(t, d, c, g2, export.Neo4jOptions{})
	if st.NodesUpdated != 1 || st.NodesCreated+st.NodesDeleted+st.RelsCreated+st.RelsUpdated+st.RelsDeleted != 0 {
		t.Errorf("load with one node changed: %v; want 1 node updated", st)
	}
	diffState(t, "after change", expectedState(g2), withoutInternal(snapshot(t, d, c)))
}

func TestNeo4jRoutingURI(t *testing.T) {
	c := neo4jConfig(t)
	if len(c.URI) < 7 || c.URI[:7] != "bolt://" {
		t.Skipf("NEO4J_URI %s is not bolt://", c.URI)
	}
	c.URI = "neo4j://" + c.URI[7:]
	d, err := export.ConnectNeo4j(context.Background(), c)
	if err != nil {
		t.Fatalf("connect with a routing URI: %v", err)
	}
	defer d.Close(context.Background())
	resetDB(t, d, c)
	g := trickyGraph()
	load(t, d, c, g, export.Neo4jOptions{})
	diffState(t, "neo4j:// load", expectedState(g), withoutInternal(snapshot(t, d, c)))
}

// syncGraph builds a graph from files with nodes (id → evidence files) and
// edges (source, type, target → evidence files).
func syncGraph(files []string, nodes map[string][]string, edges [][4]string) graph.Graph {
	g := graph.Graph{Files: files}
	for id, fs := range nodes {
		n := graph.Node{ID: id, Type: graph.Person, Name: id}
		for i, f := range fs {
			n.Evidence = append(n.Evidence, graph.Evidence{File: f, Line: i + 1, Text: id + " in " + f})
		}
		g.Nodes = append(g.Nodes, n)
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, graph.Edge{Source: e[0], Type: e[1], Target: e[2],
			Evidence: []graph.Evidence{{File: e[3], Line: 9, Text: e[0] + " " + e[1] + " " + e[2]}}})
	}
	g.Normalize()
	return g
}

func TestNeo4jSync(t *testing.T) {
	d, c := testDriver(t)
	ctx := context.Background()

	// Load 1 reads a.md and b.md; load 2 reads c.md, which also states "t".
	v1 := syncGraph([]string{"a.md", "b.md"},
		map[string][]string{"p1": {"a.md"}, "p2": {"b.md"}, "t": {"a.md", "b.md"}, "gone": {"b.md"}},
		[][4]string{{"p1", "GAVE", "t", "a.md"}, {"p2", "GAVE", "t", "b.md"}, {"p1", "KNOWS", "p2", "a.md"}})
	other := syncGraph([]string{"c.md"},
		map[string][]string{"t": {"c.md"}, "x": {"c.md"}},
		[][4]string{{"x", "LIKES", "t", "c.md"}})
	load(t, d, c, v1, export.Neo4jOptions{})
	load(t, d, c, other, export.Neo4jOptions{})
	// Hand-made data: a node without the notegraph label that looks like one,
	// and a hand-made relationship between notegraph nodes.
	run(t, d, c, "CREATE (:NotegraphTestManual:Human {id: 'gone', sources: ['b.md']})", nil)
	run(t, d, c, "MATCH (a:Notegraph {id: 'p1'}), (b:Notegraph {id: 't'}) CREATE (a)-[:HAND_MADE]->(b)", nil)

	// b.md now says nothing: "p2" and "gone" lose their only evidence, "t"
	// keeps a.md's and c.md's, and the edge p1-KNOWS->p2 goes with p2.
	v2 := syncGraph([]string{"a.md", "b.md"},
		map[string][]string{"p1": {"a.md"}, "t": {"a.md"}},
		[][4]string{{"p1", "GAVE", "t", "a.md"}})

	// --no-delete keeps everything.
	st := load(t, d, c, v2, export.Neo4jOptions{NoDelete: true})
	if st.NodesDeleted+st.RelsDeleted != 0 {
		t.Errorf("--no-delete deleted: %v", st)
	}
	if n := len(snapshot(t, d, c).Nodes); n != 5 {
		t.Errorf("after --no-delete: %d notegraph nodes, want 5", n)
	}

	st = load(t, d, c, v2, export.Neo4jOptions{})
	// p2 and gone deleted; p2-GAVE->t by itself; p1-KNOWS->p2 with p2.
	if st.NodesDeleted != 2 || st.RelsDeleted != 2 || st.NodesCreated+st.RelsCreated != 0 {
		t.Errorf("sync: %v; want 2 nodes and 2 relationships deleted, nothing created", st)
	}
	want := expectedState(graph.Merge(v2, other))
	got := snapshot(t, d, c)
	delete(got.Rels, "p1|HAND_MADE|t")
	diffState(t, "after sync", want, withoutInternal(got))
	if n := run(t, d, c, "MATCH (n:NotegraphTestManual {id: 'gone'}) RETURN count(n)", nil).Records[0].Values[0].(int64); n != 1 {
		t.Errorf("the hand-made node without the notegraph label was touched: %d left", n)
	}
	if n := run(t, d, c, "MATCH (:Notegraph {id: 'p1'})-[r:HAND_MADE]->(:Notegraph {id: 't'}) RETURN count(r)", nil).Records[0].Values[0].(int64); n != 1 {
		t.Errorf("the hand-made relationship was deleted")
	}

	// Rerunning either load now changes nothing.
	for _, g := range []graph.Graph{v2, other, v2} {
		if st := load(t, d, c, g, export.Neo4jOptions{}); st.Changed() {
			t.Errorf("rerun changed the database: %v", st)
		}
	}

	// Removing c.md's notes strips c.md's evidence from "t" and deletes "x".
	st = load(t, d, c, graph.Graph{Files: []string{"c.md"}, Nodes: []graph.Node{}, Edges: []graph.Edge{}}, export.Neo4jOptions{})
	if st.NodesDeleted != 1 || st.NodesUpdated != 1 || st.RelsDeleted != 1 {
		t.Errorf("emptying c.md: %v; want x and x-LIKES->t deleted, t updated", st)
	}
	got = snapshot(t, d, c)
	delete(got.Rels, "p1|HAND_MADE|t")
	diffState(t, "after emptying c.md", expectedState(v2), withoutInternal(got))
	_ = ctx
}

func TestNeo4jProgress(t *testing.T) {
	d, c := testDriver(t)
	g := trickyGraph()
	var stages []string
	var last export.Neo4jProgress
	load(t, d, c, g, export.Neo4jOptions{BatchSize: 2, Progress: func(p export.Neo4jProgress) {
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
		if p.Done > p.Total {
			t.Errorf("progress %d of %d", p.Done, p.Total)
		}
		last = p
	}})
	if !slices.Equal(stages, []string{"nodes", "relationships"}) || last.Done != last.Total || last.Total != len(g.Edges) {
		t.Errorf("progress stages %v, last %+v", stages, last)
	}
}

// TestNeo4jPropsDropped: a relationship and a node that lose a property
// between two loads lose it in the database too (and the relationship its
// notegraph_keys, which only items with more than evidence carry).
func TestNeo4jPropsDropped(t *testing.T) {
	d, c := testDriver(t)
	with := syncGraph([]string{"a.md"}, map[string][]string{"p": {"a.md"}, "t": {"a.md"}}, [][4]string{{"p", "GAVE", "t", "a.md"}})
	with.Edges[0].Props = map[string]string{"url": "https://example.org/slides"}
	with.Nodes[0].Props = map[string]string{"url": "https://example.org/p"}
	without := syncGraph([]string{"a.md"}, map[string][]string{"p": {"a.md"}, "t": {"a.md"}}, [][4]string{{"p", "GAVE", "t", "a.md"}})

	load(t, d, c, with, export.Neo4jOptions{})
	diffState(t, "with props", expectedState(with), withoutInternal(snapshot(t, d, c)))
	keys := func() []any {
		res := run(t, d, c, "MATCH (:Notegraph {id: 'p'})-[r:GAVE]->() RETURN r.notegraph_keys", nil)
		l, _ := res.Records[0].Values[0].([]any)
		return l
	}
	if k := keys(); len(k) != 6 {
		t.Errorf("relationship with a prop: notegraph_keys %v, want the evidence keys and prop_url", k)
	}
	if st := load(t, d, c, without, export.Neo4jOptions{}); st.NodesUpdated != 1 || st.RelsUpdated != 1 {
		t.Errorf("dropping the props: %v, want 1 node and 1 relationship updated", st)
	}
	diffState(t, "without props", expectedState(without), withoutInternal(snapshot(t, d, c)))
	if k := keys(); k != nil {
		t.Errorf("relationship with evidence only: notegraph_keys %v, want none", k)
	}
	if st := load(t, d, c, without, export.Neo4jOptions{}); st.Changed() {
		t.Errorf("rerun changed the database: %v", st)
	}
	load(t, d, c, with, export.Neo4jOptions{})
	diffState(t, "props again", expectedState(with), withoutInternal(snapshot(t, d, c)))
}

// TestNeo4jVault loads the graph of extract/vault's test vault: Note, Tag
// and Attachment labels, the vault's relationship types and the notes'
// front-matter properties arrive as written, and a rerun changes nothing.
func TestNeo4jVault(t *testing.T) {
	d, c := testDriver(t)
	res, err := extract.Notes([]string{filepath.Join("..", "extract", "vault", "testdata", "vault")}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Graph
	load(t, d, c, g, export.Neo4jOptions{})
	diffState(t, "after load", expectedState(g), withoutInternal(snapshot(t, d, c)))
	if st := load(t, d, c, g, export.Neo4jOptions{}); st.Changed() {
		t.Errorf("second load of the vault changed the database: %v", st)
	}
}
