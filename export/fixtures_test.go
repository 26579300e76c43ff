package export

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/notegraph/notegraph/extract"
	"github.com/notegraph/notegraph/graph"
)

func intp(i int) *int { return &i }

func ev(file string, line int, text string) graph.Evidence {
	return graph.Evidence{File: file, Line: line, Text: text}
}

// seedGraph is shaped like the graph of examples/pycodeconf: speakers, talks,
// tools and concepts with scores, communities and evidence.
func seedGraph() graph.Graph {
	g := graph.Graph{
		Title: "PyCodeConf 2011",
		Files: []string{"notes.md"},
		Nodes: []graph.Node{
			{ID: "person:kenneth-reitz", Type: graph.Person, Name: "Kenneth Reitz", Aliases: []string{"kennethreitz"},
				Scores: map[string]float64{"degree": 3, "pagerank": 0.12345678901234568, "betweenness": 0.25}, Community: intp(0),
				Evidence: []graph.Evidence{ev("notes.md", 12, "Kenneth Reitz (Python for Humans)")}},
			{ID: "talk:python-for-humans", Type: graph.Talk, Name: "Python for Humans",
				Scores: map[string]float64{"degree": 3, "pagerank": 0.2, "betweenness": 0.5}, Community: intp(0),
				Evidence: []graph.Evidence{ev("notes.md", 12, "Kenneth Reitz (Python for Humans)")}},
			{ID: "tool:requests", Type: graph.Tool, Name: "requests", Aliases: []string{"python-requests", "Requests"},
				Props:  map[string]string{"url": "https://github.com/kennethreitz/requests"},
				Scores: map[string]float64{"degree": 2, "pagerank": 0.3, "betweenness": 0}, Community: intp(0),
				Evidence: []graph.Evidence{ev("notes.md", 14, "* requests - HTTP for Humans"), ev("notes.md", 30, "uses `requests`")}},
			{ID: "person:jesse-noller", Type: graph.Person, Name: "Jesse Noller",
				Scores: map[string]float64{"degree": 1, "pagerank": 0.1, "betweenness": 0}, Community: intp(1),
				Evidence: []graph.Evidence{ev("notes.md", 20, "Jesse Noller (Embrace the GIL)")}},
			{ID: "talk:embrace-the-gil", Type: graph.Talk, Name: "Embrace the GIL",
				Scores: map[string]float64{"degree": 2, "pagerank": 0.15, "betweenness": 0.1}, Community: intp(1),
				Evidence: []graph.Evidence{ev("notes.md", 20, "Jesse Noller (Embrace the GIL)")}},
			{ID: "concept:gil", Type: graph.Concept, Name: "GIL", Aliases: []string{"Global Interpreter Lock"},
				Scores: map[string]float64{"degree": 2, "pagerank": 1e-17, "betweenness": 0}, Community: intp(1),
				Evidence: []graph.Evidence{ev("notes.md", 21, "GIL = Global Interpreter Lock")}},
		},
		Edges: []graph.Edge{
			{Source: "person:kenneth-reitz", Target: "talk:python-for-humans", Type: graph.Gave,
				Evidence: []graph.Evidence{ev("notes.md", 12, "Kenneth Reitz (Python for Humans)")}},
			{Source: "person:kenneth-reitz", Target: "tool:requests", Type: graph.Created,
				Scores:   map[string]float64{"weight": 1},
				Evidence: []graph.Evidence{ev("notes.md", 14, "* requests - HTTP for Humans")}},
			// Two edges between the same nodes with different types.
			{Source: "talk:python-for-humans", Target: "tool:requests", Type: graph.Covers,
				Evidence: []graph.Evidence{ev("notes.md", 14, "* requests - HTTP for Humans")}},
			{Source: "talk:python-for-humans", Target: "tool:requests", Type: graph.Uses,
				Evidence: []graph.Evidence{ev("notes.md", 30, "uses `requests`")}},
			{Source: "person:jesse-noller", Target: "talk:embrace-the-gil", Type: graph.Gave,
				Evidence: []graph.Evidence{ev("notes.md", 20, "Jesse Noller (Embrace the GIL)")}},
			{Source: "talk:embrace-the-gil", Target: "concept:gil", Type: graph.Covers,
				Evidence: []graph.Evidence{ev("notes.md", 21, "GIL = Global Interpreter Lock")}},
			{Source: "concept:gil", Target: "tool:requests", Type: graph.RelatedTo,
				Evidence: []graph.Evidence{}},
		},
	}
	g.Normalize()
	return g
}

// nastyNames are names that break naive escaping in some format.
var nastyNames = []string{
	`O'Brien "Bob" Smith`,
	"back`tick`s",
	`back\slash\\ and \" and \n literal`,
	"two\nlines\r\nand\rCR\tand tab",
	"<script>alert('x')</script> & friends",
	"]]> -- CDATA end, <!-- comment -->",
	"Zürich naïve café 日本語 Ελληνικά",
	"emoji 🐍🚀 and ZWJ 👩‍💻",
	"NUL\x00 bell\x07 esc\x1b unit-sep\x1f del\x7f",
	"non-chars \uFFFE \uFFFF and bad UTF-8 \xff\xfe end",
	"semi;colons, commas, and |pipes|",
	"  leading and trailing spaces  ",
	"line separators \u2028 \u2029 and BOM \uFEFF",
	`{"json": [1, "two"]}`,
	"$param and {{template}} and ${shell}",
	"MATCH (n) DETACH DELETE n //",
}

// nastyGraph has one node per nasty name, with nasty aliases, props, score
// names and evidence, linked in a ring.
func nastyGraph() graph.Graph {
	g := graph.Graph{Title: "nasty <title> & \"quotes\"\x00", Files: []string{"a dir/notes \"1\".md", "b;c,d.md"}}
	for i, name := range nastyNames {
		typ := []string{graph.Person, graph.Tool, graph.Concept, "Weird Type"}[i%4]
		n := graph.Node{
			ID:      graph.ID(typ, name) + fmt.Sprintf("-%d", i),
			Type:    typ,
			Name:    name,
			Aliases: []string{nastyNames[(i+1)%len(nastyNames)], ""},
			Props:   map[string]string{"url": "https://example.com/?a=1&b=<2>", "note:x": name, "": "empty key"},
			Scores:  map[string]float64{"pagerank": float64(i) / 7, "degree": float64(i % 3)},
			Evidence: []graph.Evidence{
				ev("a dir/notes \"1\".md", i+1, name),
				ev("b;c,d.md", 100+i, "said: "+name),
			},
		}
		if i%2 == 0 {
			n.Community = intp(i / 2)
		}
		if i == 3 {
			// A score and a prop that fold to a reserved name.
			n.Scores["name"] = 42
			n.Props["id"] = "not the id"
		}
		g.Nodes = append(g.Nodes, n)
	}
	for i := range g.Nodes {
		a, b := g.Nodes[i], g.Nodes[(i+1)%len(g.Nodes)]
		g.Edges = append(g.Edges, graph.Edge{Source: a.ID, Target: b.ID, Type: graph.RelatedTo,
			Props:    map[string]string{"label": a.Name},
			Evidence: []graph.Evidence{ev("b;c,d.md", 200+i, a.Name+" -> "+b.Name)}})
		if i%3 == 0 {
			g.Edges = append(g.Edges, graph.Edge{Source: a.ID, Target: b.ID, Type: graph.SimilarTo,
				Scores: map[string]float64{"weight": 0.5}, Evidence: []graph.Evidence{ev("a dir/notes \"1\".md", 300+i, "")}})
		}
	}
	g.Normalize()
	return g
}

// bigGraph returns a synthetic graph of n nodes and about 5n edges, shaped
// like extracted notes (names, one or two pieces of evidence, scores).
func bigGraph(n int) graph.Graph {
	r := rand.New(rand.NewPCG(1, 2))
	types := []string{graph.Person, graph.Talk, graph.Tool, graph.Concept}
	rels := []string{graph.Gave, graph.Covers, graph.Uses, graph.RelatedTo}
	g := graph.Graph{Title: "synthetic", Files: []string{}}
	for i := range n {
		typ := types[i%len(types)]
		name := fmt.Sprintf("%s number %d", typ, i)
		file := fmt.Sprintf("notes/%04d.md", i/100)
		g.Files = append(g.Files, file)
		g.Nodes = append(g.Nodes, graph.Node{
			ID: graph.ID(typ, name), Type: typ, Name: name, Aliases: []string{fmt.Sprintf("alias %d", i)},
			Scores:    map[string]float64{"degree": float64(r.IntN(50)), "pagerank": r.Float64() / float64(n), "betweenness": r.Float64()},
			Community: intp(r.IntN(100)),
			Evidence:  []graph.Evidence{ev(file, 1+i%100, "* "+name+" - a line of notes that mentions it")},
		})
	}
	for range 5 * n {
		a, b := g.Nodes[r.IntN(n)], g.Nodes[r.IntN(n)]
		g.Edges = append(g.Edges, graph.Edge{Source: a.ID, Target: b.ID, Type: rels[r.IntN(len(rels))],
			Evidence: []graph.Evidence{ev(a.Evidence[0].File, a.Evidence[0].Line, a.Evidence[0].Text)}})
	}
	g.Normalize()
	return g
}

// exampleGraph is the real thing: examples/pycodeconf extracted and
// analysed by the current extractor (no golden file: it changes with the
// extractor; the round-trip tests use it).
func exampleGraph(t testing.TB) graph.Graph {
	t.Helper()
	return analyzedNotes(t, filepath.Join("..", "examples", "pycodeconf", "notes.md"))
}

// analyzedNotes extracts and analyzes the notes at path.
func analyzedNotes(t testing.TB, path string) graph.Graph {
	t.Helper()
	res, err := extract.Notes([]string{path}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Graph
	if err := graph.Analyze(&g, graph.AnalysisOptions{}); err != nil {
		t.Fatal(err)
	}
	return g
}

// vaultGraph is the graph of extract/vault's test vault, analyzed: Note,
// Tag and Attachment nodes, LINKS_TO, TAGGED, NESTED_IN, EMBEDS and
// MENTIONED_IN edges, notes' front matter as properties.
func vaultGraph(t testing.TB) graph.Graph {
	t.Helper()
	return analyzedNotes(t, filepath.Join("..", "extract", "vault", "testdata", "vault"))
}
