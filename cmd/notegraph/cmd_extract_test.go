package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// notegraphBin builds the real command once per test run.
func notegraphBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "notegraph-bin")
		if err != nil {
			binErr = err
			return
		}
		// Others may run it: TestRenderAsOtherUser.
		if err := os.Chmod(dir, 0o755); err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "notegraph")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			t.Logf("%s", out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// TestExtractEndToEnd runs the real binary on the example notes and checks
// its output against the extractor's golden graph, its exit codes and its
// one-line errors.
func TestExtractEndToEnd(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.json")
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"example notes", []string{"extract", "../../examples/pycodeconf/notes.md", "-o", out}, 0, "wrote"},
		{"folder", []string{"extract", "../../examples", "-o", filepath.Join(dir, "f.json")}, 0, ""},
		{"no notes", []string{"extract"}, 2, "requires at least 1 arg"},
		{"unknown flag", []string{"extract", "--frobnicate", "x.md"}, 2, "unknown flag"},
		{"missing file is a failure", []string{"extract", "nope.md", "-o", filepath.Join(dir, "n.json")}, 1, "nope.md: no such file"},
		{"strict makes a bad note a failure", []string{"extract", "--strict", "../../examples", empty, "-o", filepath.Join(dir, "s.json")}, 1, "--strict"},
		{"bad rules file", []string{"extract", "--rules", "nope.yaml", "../../examples"}, 1, "read rules"},
		{"version", []string{"--version"}, 0, ""},
		{"help lists exit codes", []string{"--help"}, 0, ""},
		{"rules", []string{"rules"}, 0, ""},
		{"summary", []string{"summary", "../../examples/pycodeconf/notes.md"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runAs(t, nil, nil, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", r.code, tt.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.stderr)
			}
			// diagnostics come first, one per line; the error is the last line
			if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); r.code != 0 && !strings.HasPrefix(lines[len(lines)-1], "notegraph: ") {
				t.Errorf("error is not one line starting with notegraph: %q", r.stderr)
			}
			if tt.name == "help lists exit codes" && !strings.Contains(r.stdout, "2  usage error") {
				t.Errorf("--help does not document exit codes:\n%s", r.stdout)
			}
		})
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../extract/testdata/pycodeconf.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("notegraph extract of the example notes differs from extract/testdata/pycodeconf.golden.json")
	}
}
