package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBadInput feeds the extractor files that break naive tools. Each must
// give a clear diagnostic, never a crash, and every other file must still be
// extracted.
func TestBadInput(t *testing.T) {
	good := "## Speakers\n#### Maria Lopez (Scaling the Queue)\n* uses `zorkq`\n"
	tests := []struct {
		name     string
		setup    func(t *testing.T, dir string) // writes the bad input into dir
		diag     string                         // a diagnostic containing this must appear; "" for none
		wantNode string                         // a node the bad file itself still yields, if any
	}{
		{"empty file", func(t *testing.T, dir string) { write(t, dir, "empty.md", "") }, "empty file", ""},
		{"only white space", func(t *testing.T, dir string) { write(t, dir, "blank.md", " \n\t\n") }, "empty file", ""},
		{"binary file", func(t *testing.T, dir string) { write(t, dir, "bin.md", "\x89PNG\r\n\x1a\n\x00\x00\x00") }, "binary", ""},
		{"invalid UTF-8", func(t *testing.T, dir string) {
			write(t, dir, "latin1.md", "## Speakers\n#### Ren\xe9 Dupont (caf\xe9 culture)\n* brewing with `kettlr`\n")
		}, "invalid UTF-8", "kettlr"},
		{"CRLF and BOM", func(t *testing.T, dir string) {
			write(t, dir, "win.md", "\xef\xbb\xbf## Speakers\r\n#### Tom Reyes (tiny windows)\r\n* uses `winpipe`\r\n")
		}, "", "Tom Reyes"},
		{"50 MB single line", func(t *testing.T, dir string) {
			write(t, dir, "huge.md", "# Notes\n"+strings.Repeat("word ", 10<<20)+"\n* uses `afterhuge`\n")
		}, "bytes long", "afterhuge"},
		{"10,000-deep nested list", func(t *testing.T, dir string) {
			write(t, dir, "deep.md", strings.Repeat("- ", 10000)+"bottom `deeptool`\n"+strings.Repeat(">", 10000)+" quoted\n")
		}, "", "deeptool"},
		// Each item one level deeper than the last: 4 MB and 100 MB. goldmark
		// took 22 s on the first and did not finish the second.
		{"2,000 items each deeper", func(t *testing.T, dir string) { write(t, dir, "stairs.md", stairs(2000)) },
			"stairs.md:33: nesting deeper than 32, flattened", "deeptool"},
		{"10,000 items each deeper", func(t *testing.T, dir string) { write(t, dir, "stairs.md", stairs(10000)) },
			"stairs.md:33: nesting deeper than 32, flattened", "deeptool"},
		{"missing path", nil, "no such file", ""},
		{"symlink loop", func(t *testing.T, dir string) {
			sub := filepath.Join(dir, "sub")
			os.Mkdir(sub, 0o755)
			if err := os.Symlink(sub, filepath.Join(sub, "loop")); err != nil {
				t.Skip("symlinks not supported:", err)
			}
			os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(sub, "dangling.md"))
		}, "symlink", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "good.md", good)
			paths := []string{dir}
			if tt.setup != nil {
				tt.setup(t, dir)
			} else {
				paths = append(paths, filepath.Join(dir, "does-not-exist.md"))
			}
			start := time.Now()
			res, err := Notes(paths, Options{})
			if err != nil {
				t.Fatal(err)
			}
			// The bound the issue set for the deepest files; the rest take
			// well under a second.
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			} else {
				t.Logf("extracted in %v", d)
			}
			var msgs []string
			for _, d := range res.Diagnostics {
				msgs = append(msgs, d.String())
			}
			all := strings.Join(msgs, "\n")
			if tt.diag != "" && !strings.Contains(all, tt.diag) {
				t.Errorf("no diagnostic with %q; got:\n%s", tt.diag, all)
			}
			nodes := nodeSet(res.Graph)
			if nodes["Maria Lopez"] != "Person" || nodes["zorkq"] == "" {
				t.Errorf("the good file was not extracted: %v", nodes)
			}
			if tt.wantNode != "" && nodes[tt.wantNode] == "" {
				t.Errorf("node %q from the bad file missing: %v", tt.wantNode, nodes)
			}
		})
	}
}

// TestCRLFSameAsLF checks that line ends and a BOM change nothing but bytes.
func TestCRLFSameAsLF(t *testing.T) {
	lf := "## Speakers\n#### Tom Reyes (tiny windows)\n* uses `winpipe`\n* GC = Garbage Collector\n"
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(lf, "\n", "\r\n")
	a := Texts([]Source{{Name: "n.md", Text: []byte(lf)}}, Options{}).Graph
	b := Texts([]Source{{Name: "n.md", Text: []byte(crlf)}}, Options{}).Graph
	var ab, bb bytes.Buffer
	for _, e := range a.Edges {
		ab.WriteString(e.Key() + "\n")
	}
	for _, e := range b.Edges {
		bb.WriteString(e.Key() + "\n")
	}
	if ab.String() != bb.String() || len(a.Nodes) != len(b.Nodes) {
		t.Errorf("CRLF+BOM graph differs:\n%s\nvs\n%s", ab.String(), bb.String())
	}
}

// stairs is a list of n items, each indented one level deeper than the
// last, the deepest naming a tool.
func stairs(n int) string {
	var b strings.Builder
	for i := range n - 1 {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- deeper\n")
	}
	b.WriteString(strings.Repeat("  ", n-1) + "- bottom `deeptool`\n")
	return b.String()
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
