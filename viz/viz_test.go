package viz

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func readFixture(t testing.TB, name string) graph.Graph {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := graph.ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
