package vault

import (
	"cmp"
	"path"
	"strings"
)

// index finds the note a link names, the way Obsidian does
// (app.metadataCache.getFirstLinkpathDest), case-insensitively and with or
// without the extension:
//
//  1. a path from the vault's root wins: [[Note]] is Note.md at the root,
//     [[b/Note]] is b/Note.md;
//  2. else the notes whose path ends in the link ([[b/Note]] names
//     x/b/Note.md): one is that one; of several, the one in the linking
//     note's own folder, else the shortest path (then the first in order);
//  3. else a note whose front matter gives the name as an alias.
//
// Rule 2's order was observed in Obsidian 1.13.7 (pvliesdonk/
// markdown-vault-mcp#1380): the own folder beats a shorter path, an
// ancestor folder counts for nothing, "shortest" is the path string's
// length, not its depth. Obsidian itself resolves an alias only when the link
// carries the note's name ([[Note|Alias]]); rule 3 is ours, for notes
// that write an alias bare.
type index struct {
	notes   []*note
	byKey   map[string]int   // lower-case path without extension → note
	byStem  map[string][]int // lower-case file name without extension → notes
	byAlias map[string][]int // lower-case alias → notes
}

func newIndex(notes []*note) *index {
	ix := &index{notes: notes, byKey: map[string]int{}, byStem: map[string][]int{}, byAlias: map[string][]int{}}
	for i, n := range notes {
		ix.byKey[n.key] = i
		stem := path.Base(n.key)
		ix.byStem[stem] = append(ix.byStem[stem], i)
	}
	for i, n := range notes {
		for _, a := range n.aliases {
			k := strings.ToLower(a)
			if l := ix.byAlias[k]; len(l) == 0 || l[len(l)-1] != i {
				ix.byAlias[k] = append(ix.byAlias[k], i)
			}
		}
	}
	return ix
}

// linkKey turns a link target into the form index keys take: lower case,
// slash-separated, no extension, no leading "/" or "./"; relative paths
// ("../x") are taken from dir, the linking note's folder.
func linkKey(target, dir string) string {
	t := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(target, "\\", "/")))
	if isNoteFile(t) {
		t = strings.TrimSuffix(t, path.Ext(t))
	}
	if strings.HasPrefix(t, "./") || strings.HasPrefix(t, "../") {
		t = path.Join(dir, t)
	}
	t = strings.TrimPrefix(path.Clean("/"+t), "/")
	return t
}

// resolve returns the note that target names from a note in folder dir
// (lower case), or -1.
func (ix *index) resolve(target, dir string) int {
	t := linkKey(target, dir)
	if t == "" {
		return -1
	}
	if i, ok := ix.byKey[t]; ok {
		return i
	}
	best := -1
	name := path.Base(strings.ReplaceAll(strings.TrimSpace(target), "\\", "/"))
	if isNoteFile(strings.ToLower(name)) {
		name = strings.TrimSuffix(name, path.Ext(name))
	}
	for _, i := range ix.byStem[path.Base(t)] {
		k := ix.notes[i].key
		if !strings.HasSuffix(k, "/"+t) {
			continue
		}
		if best < 0 || ix.better(i, best, dir, name) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	if as := ix.byAlias[strings.ToLower(strings.TrimSpace(target))]; len(as) > 0 {
		return as[0]
	}
	return -1
}

// better reports whether note i is a better reading of an ambiguous link
// from folder dir than note j: its own folder, then the file named as the
// link writes it, case and all (of "Backlinks.md" and "backlinks.md" side
// by side, [[backlinks]] is the second), then the shorter path.
func (ix *index) better(i, j int, dir, name string) bool {
	a, b := ix.notes[i], ix.notes[j]
	if (a.dir == dir) != (b.dir == dir) {
		return a.dir == dir
	}
	if ea, eb := stemOf(a.path) == name, stemOf(b.path) == name; ea != eb {
		return ea
	}
	return cmp.Or(cmp.Compare(len(a.path), len(b.path)), strings.Compare(a.path, b.path)) < 0
}

// stemOf is a note's file name without its extension, as written.
func stemOf(p string) string {
	b := path.Base(p)
	return strings.TrimSuffix(b, path.Ext(b))
}

// resolveFile returns the note a Markdown link's destination names: a path
// relative to the linking note's folder, else from the vault's root, else
// (as Obsidian does for links it wrote in shortest form) a wiki link's
// reading.
func (ix *index) resolveFile(dest, dir string) int {
	if !strings.HasPrefix(dest, "/") {
		if i, ok := ix.byKey[linkKey("./"+dest, dir)]; ok {
			return i
		}
	}
	return ix.resolve(dest, dir)
}
