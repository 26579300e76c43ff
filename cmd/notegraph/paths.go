package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/notegraph/notegraph/extract"
)

// checkInputs is the first thing a command that reads notes does, before any
// work: every path named on the command line must exist, be readable and,
// when it is a folder, hold at least one note. A typo in a script would
// otherwise give a green run with an empty graph. Problems inside the notes
// (an unreadable file in a folder, an empty note) are left to extraction,
// which reports them as diagnostics.
func checkInputs(paths []string) error {
	for _, p := range paths {
		if err := checkInput(p); err != nil {
			return err
		}
	}
	return nil
}

func checkInput(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, reason(err))
	}
	if !info.IsDir() {
		fh, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("%s: cannot read: %w", p, reason(err))
		}
		return fh.Close()
	}
	found := false
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && path == p:
			return err
		case err != nil:
			return nil // a subfolder extraction reports
		case d.IsDir() && path != p && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir // as extraction does: .git, .obsidian, …
		case !d.IsDir() && extract.IsNote(d.Name()):
			found = true
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: cannot read: %w", p, reason(err))
	}
	if !found {
		return fmt.Errorf("%s: no notes in this folder (*.md, *.markdown)", p)
	}
	return nil
}

// reason is an OS error without the path it repeats ("permission denied"),
// for messages that name the user's path themselves.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// outputFormats maps the file name extensions people use to the format they
// name. It includes formats notegraph does not write (pdf, jpg), so that
// `render -o map.pdf` is refused rather than filled with SVG.
var outputFormats = map[string]string{
	".json": "json", ".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot",
	".html": "html", ".htm": "html", ".graphml": "graphml", ".cypher": "cypher", ".cql": "cypher",
	".csv": "csv", ".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".ps": "ps",
	".eps": "eps", ".webp": "webp", ".txt": "text", ".md": "markdown", ".xml": "xml",
}

// extFormat is the format the extension of path names, or "" when it names
// none (no extension, one not in outputFormats, or stdout).
func extFormat(path string) string {
	if path == "-" {
		return ""
	}
	return outputFormats[strings.ToLower(filepath.Ext(path))]
}

// checkOutputFile checks -o before any work: a folder is refused (the write
// would fail at the end, naming a temporary file), and so is an extension
// that names a format other than format, the one the command will write
// ("" to skip that check).
func checkOutputFile(path, format string) error {
	if path == "" || path == "-" {
		return nil
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return usagef("-o %s is a folder; give a file name", path)
	}
	if f := extFormat(path); format != "" && f != "" && f != format {
		return usagef("-o %s names %s, but this writes %s", path, f, format)
	}
	return nil
}

// oneOf checks an enumerated flag's value; the error lists the valid ones.
func oneOf[T ~string](flag string, value T, valid []T) error {
	if slices.Contains(valid, value) {
		return nil
	}
	return usagef("--%s %q: want %s", flag, value, orList(valid))
}

// orList joins values as "a, b or c".
func orList[T ~string](values []T) string {
	var b strings.Builder
	for i, v := range values {
		switch {
		case i == 0:
		case i == len(values)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(v))
	}
	return b.String()
}
