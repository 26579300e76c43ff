package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// FuzzArgs runs the command line's parsing and validation — cobra's flags
// and arguments and every command's PreRunE, which checks enumerations,
// input paths and -o — on arbitrary arguments (NUL-separated), with the
// work of each command (RunE) replaced by nothing. Whatever the arguments:
// no panic; exit 0, 1 or 2; nothing on stderr on success and one line
// starting "notegraph: " otherwise; the same result twice; and no file
// created or changed, since validation writes nothing.
//
// It runs in a folder of fixtures — a note, a graph, an empty folder, a
// folder without notes, a file where a folder is expected — so that paths
// in the seeds and in what the fuzzer makes of them hit every case.
func FuzzArgs(f *testing.F) {
	dir := f.TempDir()
	for name, text := range map[string]string{
		"notes.md":        "## Speakers\n#### Maria Lopez (Scaling the Queue)\n* uses `zorkq`\n",
		"graph.json":      `{"title":"t","files":[],"nodes":[],"edges":[]}`,
		"nomd/todo.txt":   "x\n",
		"file":            "",
		"rules.yaml":      "sections:\n  talk: [sessions]\n",
		"sub/deep/n.md":   "# n\n",
		"sub/.git/HEAD":   "ref\n",
		"map.svg":         "<svg/>",
		"empty/.keep.txt": "",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	f.Chdir(dir)
	before := listing(f, dir)

	for _, seed := range []string{
		"--version", "--help", "extract", "extract\x00notes.md", "extract\x00notes.md\x00-o\x00g.json",
		"extract\x00nope.md", "extract\x00empty", "extract\x00nomd", "extract\x00sub", "extract\x00notes.md\x00-o\x00sub",
		"extract\x00notes.md\x00-o\x00g.svg", "extract\x00--strict\x00--rules\x00rules.yaml\x00notes.md",
		"render\x00graph.json\x00-o\x00m.svg", "render\x00graph.json\x00-o\x00map.pdf", "render\x00graph.json\x00-o\x00m",
		"render\x00graph.json\x00--format\x00html\x00-o\x00map.svg", "render\x00graph.json\x00-o\x00-\x00--format\x00dot",
		"render\x00graph.json\x00-o\x00x.png\x00--size-by\x00fame\x00--layout\x00spring\x00--top\x00-3",
		"render\x00graph.json\x00-o\x00m.svg\x00--split-communities\x00file",
		"analyze\x00graph.json\x00--type\x00person,Foo", "analyze\x00graph.json\x00--format\x00xml\x00--communities\x00x",
		"analyze\x00notes.md\x00--resolution\x00-1\x00--betweenness-samples\x00-2\x00-o\x00empty",
		"summary\x00notes.md\x00graph.json", "export\x00graph.json", "export\x00graph.json\x00--to\x00gexf",
		"export\x00notes.md\x00--to\x00neo4j-admin\x00-o\x00file", "export\x00notes.md\x00--to\x00cypher\x00-o\x00g.json",
		"export\x00nope.md\x00--to\x00neo4j\x00--uri\x00bolt://127.0.0.1:1", "export\x00notes.md\x00--to\x00neo4j\x00-o\x00x",
		"query\x00RETURN 1\x00--format\x00xml", "query\x00RETURN 1\x00--param\x00=1", "rules\x00extra",
		"-q\x00extract\x00bad\nname.md", "extract\x00--output=\x00notes.md", "frobnicate",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Split(s, "\x00")
		code, stderr := validateOnly(args)
		t.Logf("%q: exit %d %s", args, code, stderr)
		if code2, stderr2 := validateOnly(args); code2 != code || stderr2 != stderr {
			t.Fatalf("%q: two runs differ: %d %q, %d %q", args, code, stderr, code2, stderr2)
		}
		switch {
		case code == exitOK && stderr != "":
			t.Errorf("%q: exit 0 with stderr %q", args, stderr)
		case code != exitOK && (!strings.HasPrefix(stderr, "notegraph: ") || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n")):
			t.Errorf("%q: exit %d, stderr not one line: %q", args, code, stderr)
		case code != exitOK && code != exitFailure && code != exitUsage:
			t.Errorf("%q: exit %d", args, code)
		}
		if after := listing(t, dir); !slices.Equal(after, before) {
			t.Fatalf("%q: validation changed the folder: %v", args, after)
		}
	})
}

// validateOnly runs the command line with every command's work (RunE)
// replaced by nothing, and returns the exit code and stderr.
func validateOnly(args []string) (int, string) {
	root := newRootCmd()
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	var stub func(*cobra.Command)
	stub = func(c *cobra.Command) {
		if c.Run != nil || c.RunE != nil {
			c.Run, c.RunE = nil, func(*cobra.Command, []string) error { return nil }
		}
		for _, sub := range c.Commands() {
			stub(sub)
		}
	}
	stub(root)
	var stderr bytes.Buffer
	code := runRoot(root, args, &stderr)
	return code, stderr.String()
}

// listing is every path under dir with its size, sorted.
func listing(tb testing.TB, dir string) []string {
	tb.Helper()
	var out []string
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%s %v %d", strings.TrimPrefix(path, dir), info.Mode(), info.Size()))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
