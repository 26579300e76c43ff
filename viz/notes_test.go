package viz

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// Invented name parts for generated notes: readable in screenshots, and
// taken from no real notes.
var (
	givenNames = []string{"Ada", "Bram", "Cleo", "Dario", "Edda", "Finn", "Greta", "Hugo", "Ines", "Jonas",
		"Kira", "Lars", "Mina", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tilda", "Uwe", "Vera", "Wim", "Yara", "Zeno"}
	surnames = []string{"Amsel", "Birke", "Corvid", "Dachs", "Eibe", "Fink", "Gans", "Hase", "Igel", "Jasper",
		"Kranich", "Lerche", "Marder", "Nerz", "Otter", "Pirol", "Quendel", "Rabe", "Specht", "Taube", "Ulme", "Weide"}
	syllables = []string{"zor", "ble", "kest", "rel", "mo", "vik", "tan", "gle", "pry", "sm", "flo", "dex",
		"quo", "lin", "nax", "ter", "bu", "cco", "ra", "wen"}
	suffixes = []string{"", ".js", "db", "py", "-kit", " engine", "ql", "ify"}
)

// notesGraph returns a graph shaped like notes from many meetups: talks
// give by speakers (some speak at several), each covering a handful of
// tools and concepts drawn with a Zipf-like popularity (a few everyone
// mentions, many mentioned once), things discussed together, employers,
// links, and one Event per note left unconnected, as extraction produces
// them today. notesGraph(300) has about 2,000 nodes and 6,000 relations,
// the size of the graph in issue 12. It is analyzed (scores, communities).
func notesGraph(t testing.TB, notes int) graph.Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(12, uint64(notes)))
	g := graph.Graph{Title: fmt.Sprintf("%d generated notes", notes)}
	add := func(typ, name string, line int) string {
		id := graph.ID(typ, name)
		g.Nodes = append(g.Nodes, graph.Node{ID: id, Type: typ, Name: name,
			Evidence: []graph.Evidence{{File: fmt.Sprintf("note-%03d.md", line/100), Line: line%100 + 1, Text: name}}})
		return id
	}
	link := func(a, b, typ string, line int) {
		g.Edges = append(g.Edges, graph.Edge{Source: a, Target: b, Type: typ,
			Evidence: []graph.Evidence{{File: fmt.Sprintf("note-%03d.md", line/100), Line: line%100 + 1, Text: "relation"}}})
	}
	people := notes * 3 / 2
	things := notes * 2
	thing := func(i int) (string, string) {
		name := syllables[i%len(syllables)] + syllables[(i/len(syllables)+i)%len(syllables)] + suffixes[(i/7)%len(suffixes)]
		if i%3 == 0 {
			return graph.Concept, fmt.Sprintf("%s pattern %d", name, i)
		}
		return graph.Tool, fmt.Sprintf("%s%d", name, i)
	}
	// zipf picks index i with probability ~ 1/(i+1).
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, uint64(notes))), 1.1, 4, uint64(things-1))
	for n := range notes {
		line := n * 100
		add(graph.Event, fmt.Sprintf("Meetup %d", n+1), line)
		for k := range 1 + r.IntN(3) {
			p := r.IntN(people)
			person := add(graph.Person, fmt.Sprintf("%s %s %d", givenNames[p%len(givenNames)], surnames[p/len(givenNames)%len(surnames)], p), line+1+k*10)
			talk := add(graph.Talk, fmt.Sprintf("talk %d.%d on %s", n+1, k+1, syllables[r.IntN(len(syllables))]), line+1+k*10)
			link(person, talk, graph.Gave, line+1+k*10)
			var covered []string
			for c := range 3 + r.IntN(6) {
				typ, name := thing(int(zipf.Uint64()))
				id := add(typ, name, line+2+k*10+c)
				link(talk, id, graph.Covers, line+2+k*10+c)
				covered = append(covered, id)
			}
			for c := 1; c < len(covered); c++ {
				if r.IntN(3) == 0 {
					link(covered[c-1], covered[c], graph.RelatedTo, line+3+k*10+c)
				}
			}
			if r.IntN(3) == 0 {
				org := add(graph.Organization, fmt.Sprintf("%s Labs", surnames[r.IntN(len(surnames))]), line+1+k*10)
				link(person, org, graph.WorksAt, line+1+k*10)
			}
			if r.IntN(4) == 0 {
				link(person, covered[0], graph.Created, line+2+k*10)
			}
			if r.IntN(3) == 0 {
				u := add(graph.Link, fmt.Sprintf("https://example.org/%d/%d", n+1, k+1), line+9+k*10)
				link(talk, u, graph.LinksTo, line+9+k*10)
			}
		}
	}
	g.Normalize()
	if err := graph.Analyze(&g, graph.AnalysisOptions{}); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestNotesGraphSize(t *testing.T) {
	g := notesGraph(t, 300)
	if n := len(g.Nodes); n < 1700 || n > 2300 {
		t.Errorf("notesGraph(300) has %d nodes, want about 2,000", n)
	}
	t.Logf("%d nodes, %d edges", len(g.Nodes), len(g.Edges))
}
