package vault

import (
	"path"
	"strings"
	"testing"
)

// TestResolve: Obsidian's link resolution on one set of paths. The order
// (root path, own folder, shortest path) is the one observed in Obsidian
// 1.13.7 (see index.go).
func TestResolve(t *testing.T) {
	paths := []string{"Note.md", "b/Note.md", "a/b/Note.md", "zzzz/Note.md", "Projects/Plan.md", "Archive/Plan.md",
		"People/Ada Quint.md", "deep/x/Leaf.md", "v1.2 notes.md", "Guides/Working With Tabs.md", "Guides/Working with tabs.md"}
	var notes []*note
	for _, p := range paths {
		b := &builder{ids: map[string]bool{}}
		b.add(Source{Name: p, Text: []byte("text\n")})
		notes = append(notes, b.notes[0])
	}
	notes[6].aliases = []string{"Ada"}
	ix := newIndex(notes)
	tests := []struct {
		target, from string // from: the linking note's path
		want         string // "" for none
	}{
		{"Note", "zzzz/x.md", "Note.md"},              // a root path wins over the own folder
		{"b/Note", "a/b/x.md", "b/Note.md"},           // so does a path from the root
		{"note", "x.md", "Note.md"},                   // case-insensitive
		{"Note.md", "x.md", "Note.md"},                // with the extension
		{"Plan", "Projects/x.md", "Projects/Plan.md"}, // own folder
		{"Plan", "Archive/x.md", "Archive/Plan.md"},
		{"Plan", "x.md", "Archive/Plan.md"},        // shortest path string (Archive/ < Projects/)
		{"Plan", "deep/x/y.md", "Archive/Plan.md"}, // an ancestor folder counts for nothing
		{"x/Leaf", "Note.md", "deep/x/Leaf.md"},    // a path's tail
		{"Leaf", "Note.md", "deep/x/Leaf.md"},
		{"./Leaf", "deep/x/y.md", "deep/x/Leaf.md"}, // relative
		{"../x/Leaf", "deep/y/z.md", "deep/x/Leaf.md"},
		{"Ada", "x.md", "People/Ada Quint.md"}, // a bare alias (ours; see index.go)
		{"v1.2 notes", "x.md", "v1.2 notes.md"},
		{"Working with tabs", "x.md", "Guides/Working with tabs.md"}, // two names a case apart: the one written so
		{"Working With Tabs", "x.md", "Guides/Working With Tabs.md"},
		{"working with TABS", "x.md", "Guides/Working With Tabs.md"}, // neither: the first by path
		{"Missing", "x.md", ""},
		{"y/Leaf", "x.md", ""},
	}
	for _, tt := range tests {
		dir := strings.TrimSuffix(strings.ToLower(path.Dir(tt.from)), ".")
		got := ""
		if i := ix.resolve(tt.target, dir); i >= 0 {
			got = notes[i].path
		}
		if got != tt.want {
			t.Errorf("[[%s]] from %s = %q, want %q", tt.target, tt.from, got, tt.want)
		}
	}
}
