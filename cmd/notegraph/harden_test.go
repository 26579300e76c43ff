package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// result is what one run of the real binary did.
type result struct {
	code           int
	stdout, stderr string
}

// runAs runs the real binary with args; env is added to the environment
// (a NAME= entry empties NAME) and cred, when set, runs it as another user.
func runAs(t *testing.T, env []string, cred *syscall.Credential, args ...string) result {
	t.Helper()
	cmd := exec.Command(notegraphBin(t), args...)
	cmd.Env = append(os.Environ(), env...)
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, stdout.String(), stderr.String()}
}

// oneLineError checks an error run: its stderr is one line that starts
// with "notegraph: " and contains want; no stack trace.
func (r result) oneLineError(t *testing.T, code int, want string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d; stderr: %s", r.code, code, r.stderr)
	}
	if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "notegraph: ") {
		t.Errorf("stderr is not one notegraph: line: %q", r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q lacks %q", r.stderr, want)
	}
}

// TestBadPathsEndToEnd: a path named on the command line that does not
// exist, cannot be read or holds no notes fails every command that reads
// notes before any work: exit 1, one line naming the path, nothing written,
// no server contacted.
func TestBadPathsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	noNotes := filepath.Join(dir, "no-notes")
	for _, d := range []string{empty, filepath.Join(noNotes, ".hidden")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeTestFile(t, filepath.Join(noNotes, "todo.txt"), "- buy milk\n")
	writeTestFile(t, filepath.Join(noNotes, ".hidden", "skipped.md"), "# not read\n")
	paths := []struct{ path, msg string }{
		{filepath.Join(dir, "no-such-file.md"), "no-such-file.md: no such file or directory"},
		{filepath.Join(dir, "no-such.json"), "no-such.json: no such file or directory"},
		{empty, "empty: no notes in this folder"},
		{noNotes, "no-notes: no notes in this folder"},
	}
	if os.Geteuid() != 0 { // root reads a folder whatever its mode
		locked := filepath.Join(dir, "locked")
		if err := os.Mkdir(locked, 0o000); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(locked, 0o755) })
		paths = append(paths, struct{ path, msg string }{locked, "locked: cannot read: permission denied"})
	}
	out := filepath.Join(dir, "out")
	commands := []struct {
		name string
		args func(in string) []string
	}{
		{"extract", func(in string) []string { return []string{"extract", in, "-o", out + ".json"} }},
		{"extract with a good folder", func(in string) []string { return []string{"extract", "../../examples", in, "-o", out + ".json"} }},
		{"render", func(in string) []string { return []string{"render", in, "-o", out + ".svg"} }},
		{"analyze", func(in string) []string { return []string{"analyze", in, "-o", out + ".json"} }},
		{"summary", func(in string) []string { return []string{"summary", in} }},
		{"export cypher", func(in string) []string { return []string{"export", in, "--to", "cypher", "-o", out + ".cypher"} }},
		{"export graphml", func(in string) []string { return []string{"export", in, "--to", "graphml", "-o", out + ".graphml"} }},
		{"export neo4j-admin", func(in string) []string { return []string{"export", in, "--to", "neo4j-admin", "-o", out} }},
		// An unreachable server: the path error coming first shows no
		// connection was tried.
		{"export neo4j", func(in string) []string {
			return []string{"export", in, "--to", "neo4j", "--uri", "bolt://127.0.0.1:1"}
		}},
	}
	for _, c := range commands {
		for _, p := range paths {
			t.Run(c.name+"/"+filepath.Base(p.path), func(t *testing.T) {
				r := runAs(t, nil, nil, c.args(p.path)...)
				r.oneLineError(t, exitFailure, p.msg)
				if r.stdout != "" {
					t.Errorf("stdout: %q", r.stdout)
				}
				if left, _ := filepath.Glob(out + "*"); len(left) > 0 {
					t.Errorf("wrote %v", left)
				}
			})
		}
	}
	// Problems inside the notes stay diagnostics: an empty note in a
	// folder of good ones is reported and the run succeeds.
	writeTestFile(t, filepath.Join(dir, "notes", "empty.md"), "")
	writeTestFile(t, filepath.Join(dir, "notes", "talk.md"), "## Speakers\n#### Maria Lopez (Scaling the Queue)\n* uses `zorkq`\n")
	r := runAs(t, nil, nil, "extract", filepath.Join(dir, "notes"), "-o", out+".json")
	if r.code != exitOK || !strings.Contains(r.stderr, "empty.md: empty file") {
		t.Errorf("a bad note in a good folder: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runAs(t, nil, nil, "extract", "--strict", filepath.Join(dir, "notes"), "-o", out+"-strict.json"); r.code != exitFailure {
		t.Errorf("--strict: exit %d", r.code)
	}
}

// TestUsageEndToEnd: enumerations, output formats and output paths. A bad
// value is a usage error (exit 2) that lists the valid ones; -o whose
// extension names another format, or a folder, is refused before any
// work; a path that cannot be written is named as the user gave it.
func TestUsageEndToEnd(t *testing.T) {
	dir := t.TempDir()
	in := "../../viz/testdata/fixture.json"
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	aFile := filepath.Join(dir, "a-file")
	writeTestFile(t, aFile, "")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"analyze --type", []string{"analyze", in, "--type", "Person,Foo"}, exitUsage, `--type "Foo": want Person, Talk, Tool, Concept, Organization, Event or Link`},
		{"analyze --format", []string{"analyze", in, "--format", "xml"}, exitUsage, "want table, markdown, csv or json"},
		{"analyze --communities", []string{"analyze", in, "--communities", "leiden"}, exitUsage, "want auto, gonum or louvain"},
		{"render --size-by", []string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--size-by", "fame"}, exitUsage, "want pagerank, betweenness or degree"},
		{"render --layout", []string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--layout", "spring"}, exitUsage, "want dot, neato, fdp, sfdp, circo or twopi"},
		{"render --format", []string{"render", in, "-o", filepath.Join(dir, "m.out"), "--format", "gif"}, exitUsage, "want svg, png, dot or html"},
		{"export --to", []string{"export", in, "--to", "gexf"}, exitUsage, "want neo4j, cypher, neo4j-admin, graphml or json"},
		{"export without --to", []string{"export", in}, exitUsage, "--to is required: neo4j, cypher"},
		{"query --format", []string{"query", "RETURN 1", "--format", "xml"}, exitUsage, "want table, json or csv"},
		{"render -o map.pdf", []string{"render", in, "-o", filepath.Join(dir, "map.pdf")}, exitUsage, "render cannot write pdf"},
		{"render --format html -o map.svg", []string{"render", in, "--format", "html", "-o", filepath.Join(dir, "map.svg")}, exitUsage, "map.svg names svg, but --format is html"},
		{"render -o without extension", []string{"render", in, "-o", filepath.Join(dir, "map")}, exitUsage, "cannot tell the format"},
		{"render -o folder", []string{"render", in, "-o", folder}, exitUsage, "folder is a folder; give a file name"},
		{"render --split-communities file", []string{"render", in, "-o", filepath.Join(dir, "m.svg"), "--split-communities", aFile}, exitUsage, "a-file is a file"},
		{"extract -o folder", []string{"extract", "../../examples", "-o", folder}, exitUsage, "is a folder"},
		{"extract -o g.svg", []string{"extract", "../../examples", "-o", filepath.Join(dir, "g.svg")}, exitUsage, "names svg, but this writes json"},
		{"analyze -o folder", []string{"analyze", in, "-o", folder}, exitUsage, "is a folder"},
		{"export graphml -o g.json", []string{"export", in, "--to", "graphml", "-o", filepath.Join(dir, "g.json")}, exitUsage, "names json, but this writes graphml"},
		{"export cypher -o folder", []string{"export", in, "--to", "cypher", "-o", folder}, exitUsage, "is a folder"},
		{"export neo4j-admin -o file", []string{"export", in, "--to", "neo4j-admin", "-o", aFile}, exitUsage, "writes a folder"},
		{"export neo4j -o", []string{"export", in, "--to", "neo4j", "-o", filepath.Join(dir, "g.json")}, exitUsage, "--to neo4j writes no file"},
		{"--memory-limit", []string{"extract", "../../examples", "-o", filepath.Join(dir, "g.json"), "--memory-limit", "4 apples"}, exitUsage, `--memory-limit "4 apples": unknown unit "apples"`},
		{"unwritable path", []string{"render", in, "-o", filepath.Join(aFile, "m.svg")}, exitFailure, "write " + filepath.Join(aFile, "m.svg") + ": create folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runAs(t, nil, nil, append([]string{"-q"}, tt.args...)...)
			r.oneLineError(t, tt.code, tt.msg)
			if strings.Contains(r.stderr, "/.") { // a temporary name, ".m.svg.12345"
				t.Errorf("message names a temporary file: %s", r.stderr)
			}
		})
	}
	if r := runAs(t, nil, nil, "-q", "render", in, "-o", filepath.Join(dir, "x.out"), "--format", "dot"); r.code != exitOK {
		t.Errorf("--format with an extension of no format: exit %d, %s", r.code, r.stderr)
	}
	if r := runAs(t, nil, nil, "-q", "render", in, "-o", os.DevNull); r.code != exitUsage {
		t.Errorf("-o /dev/null without --format: exit %d", r.code)
	}
	if r := runAs(t, nil, nil, "-q", "render", in, "-o", os.DevNull, "--format", "svg"); r.code != exitOK {
		t.Errorf("-o /dev/null --format svg: exit %d, %s", r.code, r.stderr)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s is no longer a device: %v", os.DevNull, err)
	}
}

// TestUnwritableAsOtherUser: as a user who may not write the folder (as
// root: uid 65534; otherwise the owner of a read-only folder), the message
// names the path given, not the temporary file beside it.
func TestUnwritableAsOtherUser(t *testing.T) {
	dir := sharedDir(t)
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	}
	in := filepath.Join(dir, "notes.md")
	copyFile(t, "../../examples/pycodeconf/notes.md", in)
	out := filepath.Join(ro, "map.dot")
	r := runAs(t, []string{"HOME=" + dir}, cred, "-q", "render", in, "-o", out)
	r.oneLineError(t, exitFailure, "write "+out+": permission denied")
}

// TestRenderAsOtherUser runs the binary as a second user of the machine
// (as root: uid 65534; otherwise the same user, with a cache it cannot
// read) where a first user left go-graphviz's cache in a shared temporary
// folder, itself read-only. go-graphviz v0.2.10 panicked there in every
// command, --version included; now no command panics, render writes the
// same map as for the first user, and commands that draw nothing do not
// start Graphviz.
func TestRenderAsOtherUser(t *testing.T) {
	dir := sharedDir(t)
	tmp := filepath.Join(dir, "tmp")
	foreign := filepath.Join(tmp, "go-graphviz", "wazero-v1.10.1-amd64-linux")
	if err := os.MkdirAll(foreign, 0o700); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(foreign, "0000"), "")
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	} else {
		// Unreadable to its owner too, when the owner is not root.
		if err := os.Chmod(foreign, 0o000); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(tmp, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(tmp, 0o755); os.Chmod(foreign, 0o700) })
	in := filepath.Join(dir, "notes.md")
	copyFile(t, "../../examples/pycodeconf/notes.md", in)
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o777) // whatever the umask
	mine := filepath.Join(dir, "mine.svg")
	if r := runAs(t, nil, nil, "-q", "render", in, "-o", mine); r.code != exitOK {
		t.Fatalf("first user: exit %d: %s", r.code, r.stderr)
	}
	// HOME=/nonexistent: no cache folder at all, as for nobody.
	env := []string{"TMPDIR=" + tmp, "HOME=/nonexistent", "XDG_CACHE_HOME="}
	for _, args := range [][]string{{"--version"}, {"rules"}, {"summary", in}} {
		start := time.Now()
		r := runAs(t, env, cred, args...)
		if r.code != exitOK || strings.Contains(r.stderr, "panic") {
			t.Errorf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		// Compiling Graphviz takes about a second; these must not.
		t.Logf("%v: %v", args, time.Since(start))
	}
	theirs := filepath.Join(out, "map.svg")
	r := runAs(t, env, cred, "-q", "render", in, "-o", theirs)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("second user's render: exit %d: %s", r.code, r.stderr)
	}
	a, _ := os.ReadFile(mine)
	b, _ := os.ReadFile(theirs)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("second user's map differs (%d vs %d bytes)", len(a), len(b))
	}
	// With a cache folder of their own, it is used.
	home := filepath.Join(dir, "home")
	if err := os.Mkdir(home, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(home, 0o777)
	env = []string{"TMPDIR=" + tmp, "HOME=" + home, "XDG_CACHE_HOME="}
	if r := runAs(t, env, cred, "-q", "render", in, "-o", theirs); r.code != exitOK {
		t.Fatalf("render with a cache folder: exit %d: %s", r.code, r.stderr)
	}
	if m, _ := filepath.Glob(filepath.Join(home, ".cache", "go-graphviz", "wazero-*", "*")); len(m) == 0 {
		t.Error("no compilation cache in the user's cache folder")
	}
}

// TestDeepNestingEndToEnd extracts a folder holding the two deep files of
// issue 10 (2,000 and 10,000 list items each one level deeper than the
// last: 4 MB and 100 MB) and a good note.
func TestDeepNestingEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 MB")
	}
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes")
	writeTestFile(t, filepath.Join(notes, "good.md"), "## Speakers\n#### Maria Lopez (Scaling the Queue)\n* uses `zorkq`\n")
	for name, n := range map[string]int{"stairs-2k.md": 2000, "stairs-10k.md": 10000} {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- deeper\n")
		}
		writeTestFile(t, filepath.Join(notes, name), b.String())
	}
	start := time.Now()
	r := runAs(t, nil, nil, "extract", notes, "-o", filepath.Join(dir, "g.json"))
	took := time.Since(start)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"stairs-10k.md:33: nesting deeper than 32, flattened", "stairs-2k.md:33: nesting deeper than 32, flattened", "from 3 file(s)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if g, _ := os.ReadFile(filepath.Join(dir, "g.json")); !bytes.Contains(g, []byte(`"Maria Lopez"`)) {
		t.Error("the good note was not extracted")
	}
	// Both files together, and the process around them: a guard against
	// the superlinear parse coming back (the 100 MB file did not finish in
	// minutes before), loose enough for a loaded shared CI machine (4.5 s
	// seen); the per-file figures are measured in the note.
	if took > 20*time.Second {
		t.Errorf("took %v", took)
	}
	t.Logf("extracted in %v", took)
}

// sharedDir is a temporary folder every user may enter (t.TempDir makes
// folders only their owner may).
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, to, string(b))
}

// TestExportMissingPathKeepsNeo4j: a sync from a path that is not there, or
// from an empty folder, fails (exit 1) before it connects, and the loaded
// graph stays whole.
func TestExportMissingPathKeepsNeo4j(t *testing.T) {
	c := neo4jEnv(t)
	d := loadSeed(t, c)
	count := func() int64 {
		t.Helper()
		res, err := neo4j.ExecuteQuery(context.Background(), d, "MATCH (n:Notegraph) RETURN count(n) AS n", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
		if err != nil {
			t.Fatal(err)
		}
		n, _ := res.Records[0].Get("n")
		return n.(int64)
	}
	before := count()
	for _, in := range []string{"no-such-notes.md", t.TempDir()} {
		r := runAs(t, nil, nil, "export", in, "--to", "neo4j")
		r.oneLineError(t, exitFailure, in)
		if n := count(); n != before || n == 0 {
			t.Errorf("export %s: %d nodes, were %d", in, n, before)
		}
	}
}
