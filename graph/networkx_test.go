package graph_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/extract"
	"github.com/notegraph/notegraph/graph"
)

// nxTolerance is the largest difference allowed between notegraph's scores
// and networkx's (absolute, on every key).
const nxTolerance = 1e-6

// nxExpected is what bench/nx_scores.py prints.
type nxExpected struct {
	NetworkX string                        `json:"networkx"`
	Nodes    map[string]map[string]float64 `json:"nodes"`
	Edges    map[string]map[string]float64 `json:"edges"`
}

// TestMatchesNetworkxFrozen compares Analyze with tables that networkx
// produced: graph/testdata/networkx/<name>.expected.json beside
// <name>.graph.json, written by
//
//	python3 bench/nx_scores.py --make-testdata graph/testdata/networkx
//
// (networkx 3.6.1, scipy 1.17.1, Python 3.11; the version is recorded in
// each file). The graphs: Zachary's karate club, the Florentine families,
// Davis's southern women (bipartite) and a small notes-shaped graph with
// parallel typed edges, a self-link, bridges, two components and an isolated
// node.
func TestMatchesNetworkxFrozen(t *testing.T) {
	files, err := filepath.Glob("testdata/networkx/*.graph.json")
	if err != nil || len(files) < 3 {
		t.Fatalf("test graphs: %v (%d found)", err, len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graph.json")
		t.Run(name, func(t *testing.T) {
			g := readGraph(t, f)
			var want nxExpected
			data, err := os.ReadFile(strings.TrimSuffix(f, ".graph.json") + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			compareNetworkx(t, g, want)
		})
	}
}

// TestMatchesNetworkxLive runs networkx now, through bench/nx_scores.py, on
// the frozen test graphs and on the graph extracted from the seed notes
// (examples/pycodeconf/notes.md). It needs python3 with networkx
// (`make setup-python`): under CI=true their absence fails the test,
// elsewhere it skips.
func TestMatchesNetworkxLive(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python3")
	}
	py, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(py, "-c", "import networkx, scipy").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with networkx and scipy is required under CI (make setup-python): %v", err)
		}
		t.Skipf("python3 with networkx and scipy not available (run make setup-python): %v", err)
	}
	res, err := extract.Notes([]string{"../examples/pycodeconf/notes.md"}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(t.TempDir(), "seed.graph.json")
	var buf bytes.Buffer
	if err := graph.WriteJSON(&buf, res.Graph); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(seed, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/networkx/*.graph.json")
	files = append(files, seed)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out, err := exec.Command(py, "../bench/nx_scores.py", f).Output()
			if err != nil {
				t.Fatalf("nx_scores.py %s: %v", f, err)
			}
			var want nxExpected
			if err := json.Unmarshal(out, &want); err != nil {
				t.Fatal(err)
			}
			g := readGraph(t, f)
			if f == seed {
				t.Logf("seed graph: %d nodes, %d edges (networkx %s)", len(g.Nodes), len(g.Edges), want.NetworkX)
			}
			compareNetworkx(t, g, want)
		})
	}
}

func readGraph(t *testing.T, path string) graph.Graph {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	g, err := graph.ReadJSON(fh)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func compareNetworkx(t *testing.T, g graph.Graph, want nxExpected) {
	t.Helper()
	if err := graph.Analyze(&g, graph.AnalysisOptions{}); err != nil {
		t.Fatal(err)
	}
	if len(want.Nodes) != len(g.Nodes) {
		t.Fatalf("networkx has %d nodes, notegraph %d", len(want.Nodes), len(g.Nodes))
	}
	worst := map[string]float64{}
	for _, n := range g.Nodes {
		exp, ok := want.Nodes[n.ID]
		if !ok {
			t.Errorf("node %s missing from networkx's table", n.ID)
			continue
		}
		for _, k := range sortedKeys(exp) {
			got, ok := n.Scores[k]
			if !ok {
				t.Errorf("%s: no score %q", n.ID, k)
				continue
			}
			d := math.Abs(got - exp[k])
			worst[k] = max(worst[k], d)
			if d > nxTolerance {
				t.Errorf("%s %s = %.12g, networkx %.12g", n.ID, k, got, exp[k])
			}
		}
	}
	for _, e := range g.Edges {
		exp, ok := want.Edges[e.Key()]
		if !ok {
			continue
		}
		if e.Scores[graph.ScoreBridge] != exp["bridge"] {
			t.Errorf("edge %s bridge = %g, networkx %g", e.Key(), e.Scores[graph.ScoreBridge], exp["bridge"])
		}
	}
	t.Logf("largest difference per score: %v", worst)
}

func sortedKeys(m map[string]float64) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
