package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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

// TestCacheEndToEnd runs the real binary with --cache: a cold and a warm
// run write the bytes of a run without it, the folder holds one pack, and
// a cache that cannot be written is one warning line, even with -q and
// --strict, with the same output and exit 0.
func TestCacheEndToEnd(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	want := filepath.Join(dir, "want.json")
	if r := runAs(t, nil, nil, "extract", "../../examples", "-q", "-o", want); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	wantB, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(dir, "a-file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, cache, warning string
		flags                []string
	}{
		{"cold", cache, "", nil},
		{"warm", cache, "", nil},
		{"unwritable", filepath.Join(blocker, "cache"), "warning: " + blocker, []string{"-q", "--strict"}},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.name+".json")
		args := append([]string{"extract", "--cache", tt.cache, "../../examples", "-o", out}, tt.flags...)
		r := runAs(t, nil, nil, args...)
		if r.code != 0 {
			t.Errorf("%s: exit %d: %s", tt.name, r.code, r.stderr)
		}
		got, err := os.ReadFile(out)
		if err != nil || !bytes.Equal(got, wantB) {
			t.Errorf("%s: output differs from a run without --cache (%v)", tt.name, err)
		}
		if tt.warning == "" && strings.Contains(r.stderr, "warning") || !strings.Contains(r.stderr, tt.warning) {
			t.Errorf("%s: stderr %q, want %q", tt.name, r.stderr, tt.warning)
		}
		if n := strings.Count(r.stderr, "warning"); tt.warning != "" && n != 1 {
			t.Errorf("%s: %d warnings, want one line: %q", tt.name, n, r.stderr)
		}
	}
	if packs, _ := filepath.Glob(filepath.Join(cache, "*.ngcache")); len(packs) != 1 {
		t.Errorf("cache holds %v, want one pack", packs)
	}
	// auto: the user's cache folder, from XDG_CACHE_HOME on Linux
	xdg := filepath.Join(dir, "xdg")
	r := runAs(t, []string{"XDG_CACHE_HOME=" + xdg, "HOME=" + dir}, nil, "extract", "--cache", "auto", "../../examples", "-q", "-o", filepath.Join(dir, "auto.json"))
	if r.code != 0 {
		t.Errorf("--cache auto: exit %d: %s", r.code, r.stderr)
	}
	if packs, _ := filepath.Glob(filepath.Join(xdg, "notegraph", "*.ngcache")); runtime.GOOS == "linux" && len(packs) != 1 {
		t.Errorf("--cache auto wrote %v under %s, want one pack", packs, xdg)
	}
}
