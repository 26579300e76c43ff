package extract

import (
	"cmp"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// Diagnostic is a problem found in the notes. Line is 0 when it concerns a
// whole file.
type Diagnostic struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Msg  string `json:"msg"`
}

func (d Diagnostic) String() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s: %s", d.File, d.Msg)
}

// Options configure an extraction. The zero value uses the built-in rules.
type Options struct {
	// Rules are the words extraction looks for; nil means DefaultRules().
	Rules *Rules
	// Logger receives debug output (merges made, entries classified); may be nil.
	Logger *slog.Logger
	// Notes says when each note file is also a node (see NotesMode).
	Notes NotesMode
	// Progress, when set, is called after each file with the count done and the total.
	Progress func(done, total int)
	// CacheDir, when set, is a folder where Notes keeps each file's
	// per-file stages between runs, so that a rerun reads back the files
	// that did not change (cache.go). The output is the same with or
	// without it.
	CacheDir string
}

// Result is the output of an extraction.
type Result struct {
	Graph       graph.Graph
	Diagnostics []Diagnostic
	// Warnings are problems of the run that are not the notes': a cache
	// that could not be read or written (Options.CacheDir). The graph is
	// whole all the same.
	Warnings []Diagnostic
}

func sortDiagnostics(ds []Diagnostic) {
	slices.SortFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Msg, b.Msg))
	})
}
