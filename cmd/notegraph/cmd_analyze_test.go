package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// captureRun runs the CLI with args and returns its exit code and stdout.
func captureRun(t *testing.T, args ...string) (int, string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	code := run(args)
	w.Close()
	os.Stdout = old
	return code, <-done
}

const notesGraph = "../../graph/testdata/networkx/notes.graph.json"

func TestAnalyzeCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "analysed.json")
	code, stdout := captureRun(t, "analyze", notesGraph, "--top", "3", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"15 nodes, 15 links", "PageRank", "Requests", "Communities", "Bridges", "Articulation points"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	fh, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	g, err := graph.ReadJSON(fh)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range g.Nodes {
		if _, ok := n.Scores[graph.ScorePageRank]; !ok || n.Community == nil {
			t.Errorf("%s: no scores or community in -o output", n.ID)
		}
	}

	code, stdout = captureRun(t, "analyze", notesGraph, "--format", "json", "--type", "concept", "--top", "0")
	if code != exitOK {
		t.Fatalf("json: exit %d", code)
	}
	var r report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("json report: %v", err)
	}
	if len(r.Rankings) != 7 || len(r.Rankings[0].Nodes) != 15 {
		t.Errorf("json report: %d rankings, %d nodes in the first", len(r.Rankings), len(r.Rankings[0].Nodes))
	}

	for _, format := range []string{"markdown", "csv"} {
		if code, stdout = captureRun(t, "analyze", notesGraph, "--format", format); code != exitOK || stdout == "" {
			t.Errorf("%s: exit %d, %d bytes", format, code, len(stdout))
		}
	}
	if code, stdout = captureRun(t, "analyze", notesGraph, "-q", "-o", out); code != exitOK || stdout != "" {
		t.Errorf("-q -o FILE: exit %d, printed %q", code, stdout)
	}
	globals.quiet = false
	if code, _ = captureRun(t, "analyze", notesGraph, "--format", "xml"); code != exitUsage {
		t.Errorf("--format xml: exit %d, want %d", code, exitUsage)
	}
	if code, _ = captureRun(t, "analyze", notesGraph, "--betweenness-samples", "-5"); code != exitUsage {
		t.Errorf("--betweenness-samples -5: exit %d, want %d", code, exitUsage)
	}
}
