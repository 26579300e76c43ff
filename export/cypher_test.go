package export_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/notegraph/notegraph/export"
)

func TestQuoteString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `'plain'`},
		{`O'Brien`, `'O\'Brien'`},
		{`say "hi"`, `'say "hi"'`},
		{`back\slash`, `'back\\slash'`},
		{"a\nb\r\tc", `'a\nb\r\tc'`},
		{"`tick`", "'`tick`'"},
		{"ctl\x00\x1f\x7f", `'ctl\u0000\u001F\u007F'`},
		{"ls\u2028ps\u2029nbsp\u00a0", `'ls\u2028ps\u2029nbsp\u00A0'`},
		{"naïve 日本語 😀", `'naïve 日本語 😀'`},
		{"bad\xffutf8", `'bad\uFFFDutf8'`},
		{"", `''`},
	}
	for _, tt := range tests {
		if got := export.QuoteString(tt.in); got != tt.want {
			t.Errorf("QuoteString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// unquote reads a literal written by QuoteString back, as Cypher does.
func unquote(t testing.TB, lit string) string {
	t.Helper()
	if len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' {
		t.Fatalf("not a single-quoted literal: %s", lit)
	}
	s := lit[1 : len(lit)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '\n' || c == '\r':
			t.Fatalf("unescaped %q in %s", c, lit)
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case '\'', '\\', '"':
			b.WriteByte(s[i])
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			r, err := strconv.ParseUint(s[i+1:i+5], 16, 32)
			if err != nil {
				t.Fatalf("bad \\u escape in %s", lit)
			}
			b.WriteRune(rune(r))
			i += 4
		default:
			t.Fatalf("unknown escape \\%c in %s", s[i], lit)
		}
	}
	return b.String()
}

func FuzzQuoteString(f *testing.F) {
	for _, s := range []string{"", "O'Brien", `a\b`, "x\ny", "`", "\x00", "\u2028", "😀", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lit := export.QuoteString(s)
		want := strings.ToValidUTF8(s, "\uFFFD")
		if !utf8.ValidString(s) {
			// Each invalid byte becomes one U+FFFD.
			var b strings.Builder
			for i := 0; i < len(s); {
				r, n := utf8.DecodeRuneInString(s[i:])
				b.WriteRune(r)
				i += n
			}
			want = b.String()
		}
		if got := unquote(t, lit); got != want {
			t.Errorf("QuoteString(%q) = %s reads back as %q", s, lit, got)
		}
	})
}

func cypherScript(t testing.TB, batch int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.Cypher(&b, trickyGraph(), export.CypherOptions{BatchSize: batch}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCypherGolden(t *testing.T) {
	got := cypherScript(t, 3)
	if !bytes.Equal(got, cypherScript(t, 3)) {
		t.Fatal("two runs differ")
	}
	path := filepath.Join("testdata", "cypher", "tricky.cypher")
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./export -run CypherGolden -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./export -update to accept, then review the diff)", path)
	}
}

// splitStatements splits a script at lines that end with ";", which the
// script promises is safe, dropping comment lines between statements.
func splitStatements(script string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(script, "\n") {
		if cur.Len() == 0 && (strings.HasPrefix(line, "//") || strings.TrimSpace(line) == "") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(strings.TrimRight(line, "\n"), ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	return out
}

// runScript runs every statement of script in its own transaction, as
// cypher-shell does, and adds up the counters.
func runScript(t *testing.T, d neo4j.DriverWithContext, c export.Neo4jConfig, script []byte) (nodes, rels, props, constraints int) {
	t.Helper()
	stmts := splitStatements(string(script))
	if len(stmts) < 4 {
		t.Fatalf("only %d statements", len(stmts))
	}
	for _, s := range stmts {
		res, err := neo4j.ExecuteQuery(context.Background(), d, s, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
		if err != nil {
			t.Fatalf("statement failed: %v\n%.400s", err, s)
		}
		cn := res.Summary.Counters()
		nodes += cn.NodesCreated()
		rels += cn.RelationshipsCreated()
		props += cn.PropertiesSet()
		constraints += cn.ConstraintsAdded()
	}
	return
}

// The script writes exactly what the live load writes, and a second run
// changes nothing.
func TestCypherScriptMatchesLiveLoad(t *testing.T) {
	d, c := testDriver(t)
	g := trickyGraph()
	script := cypherScript(t, 3)

	nodes, rels, _, _ := runScript(t, d, c, script)
	if nodes != len(g.Nodes) || rels != len(g.Edges) {
		t.Errorf("script created %d nodes and %d relationships, want %d and %d", nodes, rels, len(g.Nodes), len(g.Edges))
	}
	fromScript := snapshot(t, d, c)
	diffState(t, "script vs graph", expectedState(g), withoutInternal(fromScript))

	nodes, rels, props, _ := runScript(t, d, c, script)
	if nodes+rels+props != 0 {
		t.Errorf("second run created %d nodes, %d relationships, set %d properties; want nothing", nodes, rels, props)
	}

	// A live load on top of the script's result changes nothing either…
	if st := load(t, d, c, g, export.Neo4jOptions{}); st.Changed() {
		t.Errorf("live load after the script changed: %v", st)
	}
	// …and from an empty database gives the same state.
	resetDB(t, d, c)
	load(t, d, c, g, export.Neo4jOptions{})
	diffState(t, "live vs script", fromScript, snapshot(t, d, c))
}

// cypherShell runs scripts/cypher-shell (Neo4j's own client, from Maven
// Central) against the test server; it skips without Java and Maven,
// except under CI=true.
func cypherShell(t *testing.T, c export.Neo4jConfig, args ...string) string {
	t.Helper()
	for _, tool := range []string{"java", "mvn"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found (CI=true): cypher-shell needs Java and Maven", tool)
			}
			t.Skipf("%s not found: cypher-shell needs Java and Maven", tool)
		}
	}
	base := []string{"-a", c.URI, "-u", c.Username, "-p", c.Password, "--format", "plain"}
	if c.Database != "" {
		base = append(base, "-d", c.Database)
	}
	cmd := exec.Command(filepath.Join("..", "scripts", "cypher-shell"), append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("cypher-shell %v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

// The script runs in cypher-shell itself, twice, and gives what the live
// load gives.
func TestCypherScriptInCypherShell(t *testing.T) {
	d, c := testDriver(t)
	g := trickyGraph()
	path := filepath.Join(t.TempDir(), "graph.cypher")
	if err := os.WriteFile(path, cypherScript(t, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	cypherShell(t, c, "-f", path)
	fromShell := snapshot(t, d, c)
	diffState(t, "cypher-shell vs graph", expectedState(g), withoutInternal(fromShell))
	cypherShell(t, c, "-f", path)
	diffState(t, "cypher-shell second run", fromShell, snapshot(t, d, c))
	if st := load(t, d, c, g, export.Neo4jOptions{}); st.Changed() {
		t.Errorf("live load after cypher-shell changed: %v", st)
	}
}
