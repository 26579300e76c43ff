package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestRenderFormats(t *testing.T) {
	dir := t.TempDir()
	in := "../../viz/testdata/fixture.json"
	for _, tc := range []struct {
		args []string
		code int
		file string
		head string
	}{
		{[]string{"render", in, "-o", filepath.Join(dir, "m.svg")}, exitOK, "m.svg", "<?xml"},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.dot")}, exitOK, "m.dot", "digraph"},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.html")}, exitOK, "m.html", "<!DOCTYPE html>"},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.png")}, exitOK, "m.png", "\x89PNG"},
		{[]string{"render", in, "-o", filepath.Join(dir, "x.out"), "--format", "dot"}, exitOK, "x.out", "digraph"},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--top", "3", "--size-by", "degree", "--layout", "neato"}, exitOK, "m.svg", "<?xml"},
		{[]string{"render", in, "-o", filepath.Join(dir, "o.svg"), "--overview", "--split-communities", filepath.Join(dir, "parts")}, exitOK, "parts/community-1.svg", "<?xml"},
		{[]string{"render", in, "-o", filepath.Join(dir, "o.svg"), "--split-communities", filepath.Join(dir, "parts")}, exitOK, "parts/index.html", "<!DOCTYPE html>"},
		{[]string{"render", in, "-o", filepath.Join(dir, "o.svg"), "--split-communities", filepath.Join(dir, "parts")}, exitOK, "parts/index.svg", "<?xml"},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--layout", "spring"}, exitUsage, "", ""},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--format", "gif"}, exitUsage, "", ""},
		{[]string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--size-by", "fame"}, exitUsage, "", ""},
		{[]string{"render", in}, exitUsage, "", ""},
		{[]string{"render", filepath.Join(dir, "missing.json"), "-o", filepath.Join(dir, "m.svg")}, exitFailure, "", ""},
	} {
		args := append([]string{"-q"}, tc.args...)
		if code := run(args); code != tc.code {
			t.Errorf("notegraph %v: exit %d, want %d", tc.args, code, tc.code)
			continue
		}
		if tc.file == "" {
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Errorf("notegraph %v: %v", tc.args, err)
			continue
		}
		if !bytes.HasPrefix(got, []byte(tc.head)) {
			t.Errorf("notegraph %v: %s starts %q, want %q", tc.args, tc.file, got[:min(20, len(got))], tc.head)
		}
	}
}

// TestRenderTwice checks that two runs of the command write the same map.
func TestRenderTwice(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.svg"), filepath.Join(dir, "b.svg")
	for _, out := range []string{a, b} {
		if code := run([]string{"-q", "render", "../../examples/pycodeconf/notes.md", "-o", out}); code != exitOK {
			t.Fatalf("exit %d", code)
		}
	}
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	if len(x) == 0 || !bytes.Equal(x, y) {
		t.Error("two runs wrote different maps")
	}
}
