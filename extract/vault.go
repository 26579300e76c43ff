package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/notegraph/notegraph/extract/vault"
)

// NotesMode says when each note file is also a node of the graph (a Note,
// or the thing it is about), linked to the notes it links to, its tags
// and the things extracted from it (package extract/vault).
type NotesMode int

const (
	// NotesAuto reads the notes as a vault when a folder given is one
	// (it or a folder above holds .obsidian/, .foam/ or logseq/config.edn), or when
	// a note's [[wiki link]] names another note given. Conference notes,
	// which link to no other note by name, stay as they are.
	NotesAuto NotesMode = iota
	// NotesOn always reads the notes as a vault.
	NotesOn
	// NotesOff never makes Note nodes.
	NotesOff
)

// ParseNotesMode reads "auto", "on" or "off".
func ParseNotesMode(s string) (NotesMode, error) {
	switch strings.ToLower(s) {
	case "auto", "":
		return NotesAuto, nil
	case "on":
		return NotesOn, nil
	case "off":
		return NotesOff, nil
	}
	return NotesAuto, fmt.Errorf("notes mode %q: want auto, on or off", s)
}

func (m NotesMode) String() string { return [...]string{"auto", "on", "off"}[m] }

// vaultMarkers are the folders that make a folder a vault (logseq/ only
// with its config.edn: isLogseqDir).
var vaultMarkers = []string{".obsidian", ".foam"}

// isLogseqDir reports whether dir is a Logseq graph's logseq/ folder.
func isLogseqDir(dir string) bool {
	if filepath.Base(dir) != "logseq" {
		return false
	}
	st, err := os.Stat(filepath.Join(dir, "config.edn"))
	return err == nil && !st.IsDir()
}

// isVault reports whether one of paths is a folder that is, or is inside,
// a vault.
func isVault(paths []string) bool {
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			abs = filepath.Dir(abs)
		}
		for dir := abs; ; dir = filepath.Dir(dir) {
			for _, m := range vaultMarkers {
				if st, err := os.Stat(filepath.Join(dir, m)); err == nil && st.IsDir() {
					return true
				}
			}
			if isLogseqDir(filepath.Join(dir, "logseq")) {
				return true
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	return false
}

// withVault is the vault pass after extraction: it merges the vault's graph
// (package vault) into the extracted one when the notes are a vault. files
// names every note given, srcs those that could be read: an empty note
// (Obsidian makes one for a link clicked) is a Note too.
func withVault(res Result, srcs []source, files []string, opts Options) Result {
	if opts.Notes == NotesOff {
		return res
	}
	r := opts.Rules
	if r == nil {
		r = DefaultRules()
	}
	fm := r.FrontMatter
	vs := make([]vault.Source, 0, len(files))
	read := map[string]bool{}
	for _, s := range srcs {
		vs = append(vs, vault.Source{Name: s.Name, Text: s.Text})
		read[s.Name] = true
	}
	for _, f := range files {
		if !read[f] {
			vs = append(vs, vault.Source{Name: f})
		}
	}
	g := res.Graph
	v := vault.Build(vs, vault.Options{Entities: &g, Keys: vault.Keys{
		Talk: fm["talk"], Person: fm["person"], Organization: fm["organization"], Event: fm["event"], Type: fm["type"],
	}})
	if opts.Notes == NotesAuto && v.WikiLinks == 0 {
		return res
	}
	res.Graph = v.Graph
	for _, d := range v.Diagnostics {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{File: d.File, Line: d.Line, Msg: d.Msg})
	}
	return res
}
