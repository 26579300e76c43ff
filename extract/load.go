package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest line extraction looks at. Longer lines (minified
// data, pasted blobs) are cut here with a diagnostic: nothing a person writes
// about a talk is a megabyte long, and goldmark's inline parsing of such a
// line costs time for no result.
const maxLine = 64 << 10

// source is one note file, loaded and cleaned for parsing.
type source struct {
	Name string // relative to the root it was found under; used in evidence
	Text []byte // UTF-8, LF line ends, no BOM
}

// input is a file to load: its path on disk and its name in evidence.
type input struct {
	path string
	name string
}

// collect expands paths (files and folders) into the note files to read,
// sorted by name. Problems (missing paths, symlinked folders not followed)
// become diagnostics.
func collect(paths []string) ([]input, []Diagnostic) {
	var ins []input
	var diags []Diagnostic
	seen := map[string]bool{}
	add := func(path, name string) {
		if seen[name] {
			name = filepath.ToSlash(path)
		}
		if seen[name] {
			return
		}
		seen[name] = true
		ins = append(ins, input{path: path, name: name})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			diags = append(diags, Diagnostic{File: p, Msg: "cannot read: " + describe(err)})
			continue
		}
		if !info.IsDir() {
			add(p, filepath.Base(p))
			continue
		}
		root := p
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(root, path)
			rel = filepath.ToSlash(rel)
			if err != nil {
				diags = append(diags, Diagnostic{File: rel, Msg: "cannot read: " + describe(err)})
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir // .git, .obsidian, …
				}
				if isLogseqDir(path) {
					return fs.SkipDir // a Logseq graph's settings and backups (logseq/bak/*.md), not its pages
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// WalkDir never follows a symlink, so a loop cannot hang the
				// walk; say what was not read.
				st, err := os.Stat(path)
				switch {
				case err != nil:
					diags = append(diags, Diagnostic{File: rel, Msg: "broken or looping symlink not followed: " + describe(err)})
					return nil
				case st.IsDir():
					diags = append(diags, Diagnostic{File: rel, Msg: "symlinked folder not followed"})
					return nil
				}
			}
			if isNote(d.Name()) {
				add(path, rel)
			}
			return nil
		})
		if err != nil {
			diags = append(diags, Diagnostic{File: p, Msg: "cannot walk: " + describe(err)})
		}
	}
	slices.SortFunc(ins, func(a, b input) int { return strings.Compare(a.name, b.name) })
	return ins, diags
}

// IsNote reports whether a file found in a folder is read as a note
// (*.md, *.markdown); a file named on its own is read whatever its name.
func IsNote(name string) bool { return isNote(name) }

func isNote(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// describe shortens an OS error to its reason ("no such file or directory").
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// load reads one file and cleans it for parsing: it strips a BOM, turns CRLF
// and lone CR into LF, flattens too deep nesting, replaces invalid UTF-8,
// and cuts overlong lines. A file that cannot be used at all (unreadable,
// binary, empty) returns ok=false.
func load(in input) (src source, diags []Diagnostic, ok bool) {
	data, err := os.ReadFile(in.path)
	if err != nil {
		return source{}, []Diagnostic{{File: in.name, Msg: "cannot read: " + describe(err)}}, false
	}
	return clean(in.name, data)
}

// clean is load without the I/O.
func clean(name string, data []byte) (src source, diags []Diagnostic, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return source{}, []Diagnostic{{File: name, Msg: "empty file, nothing to extract"}}, false
	}
	head := data[:min(len(data), 8000)]
	if bytes.IndexByte(head, 0) >= 0 {
		return source{}, []Diagnostic{{File: name, Msg: "binary file (contains NUL bytes), skipped"}}, false
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	data, diags = capNesting(name, data)
	var out bytes.Buffer
	out.Grow(len(data))
	line := 1
	badLines := 0
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		var l []byte
		if end < 0 {
			l, data = data, nil
		} else {
			l, data = data[:end], data[end+1:]
		}
		if !utf8.Valid(l) {
			if badLines < 10 {
				diags = append(diags, Diagnostic{File: name, Line: line, Msg: "invalid UTF-8, replaced with U+FFFD"})
			}
			badLines++
			l = bytes.ToValidUTF8(l, []byte("\uFFFD"))
		}
		if len(l) > maxLine {
			diags = append(diags, Diagnostic{File: name, Line: line, Msg: fmt.Sprintf("line is %d bytes long; only the first %d are read", len(l), maxLine)})
			cut := maxLine
			for cut > 0 && !utf8.RuneStart(l[cut]) {
				cut--
			}
			l = l[:cut]
		}
		out.Write(l)
		out.WriteByte('\n')
		line++
	}
	if badLines > 10 {
		diags = append(diags, Diagnostic{File: name, Msg: fmt.Sprintf("invalid UTF-8 on %d lines in all", badLines)})
	}
	return source{Name: name, Text: out.Bytes()}, diags, true
}
