package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/notegraph/notegraph/export"
)

// These tests run the real binary against the Neo4j at NEO4J_URI (set by
// scripts/with-neo4j in `make test`); without it they skip, and under
// CI=true they fail. They delete every :Notegraph node there first.

func neo4jEnv(t *testing.T) export.Neo4jConfig {
	t.Helper()
	c := neo4jFlags{}.config()
	if c.URI == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_URI is not set (CI=true: a Neo4j server is required; run the tests through scripts/with-neo4j)")
		}
		t.Skip("NEO4J_URI is not set: start a server with `make neo4j` and eval \"$(scripts/neo4j env)\", or run `make test`")
	}
	// The same lock as the export package's tests: one database, shared.
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "notegraph-neo4j-tests.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return c
}

// runBin runs the binary with env added and returns its exit code and
// output.
func runBin(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	r := runAs(t, env, nil, args...)
	return r.code, r.stdout, r.stderr
}

// loadSeed empties the database of notegraph nodes and loads the example
// notes with `notegraph export --to neo4j`.
func loadSeed(t *testing.T, c export.Neo4jConfig) neo4j.DriverWithContext {
	t.Helper()
	ctx := context.Background()
	d, err := export.ConnectNeo4j(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(ctx) })
	if _, err := neo4j.ExecuteQuery(ctx, d, "MATCH (n:Notegraph) DETACH DELETE n", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database)); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBin(t, nil, "export", "../../examples/pycodeconf/notes.md", "--to", "neo4j")
	if code != 0 || !strings.Contains(stderr, "created") {
		t.Fatalf("export --to neo4j: exit %d: %s", code, stderr)
	}
	// Loading the same notes again changes nothing.
	code, _, stderr = runBin(t, nil, "export", "../../examples/pycodeconf/notes.md", "--to", "neo4j")
	if code != 0 || !strings.Contains(stderr, "nodes: 0 created, 0 updated, 0 deleted; relationships: 0 created, 0 updated, 0 deleted; 0 properties set") {
		t.Fatalf("second export --to neo4j: exit %d: %s", code, stderr)
	}
	return d
}

// exampleQuery is one query of examples/queries.cypher.
type exampleQuery struct {
	name   string
	params map[string]any
	text   string
}

// readExampleQueries splits the file at "// name:" lines and reads each
// query's ":param NAME => 'VALUE'" lines.
func readExampleQueries(t *testing.T, path string) []exampleQuery {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []exampleQuery
	var cur *exampleQuery
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "// name:"):
			out = append(out, exampleQuery{name: strings.TrimSpace(strings.TrimPrefix(line, "// name:")), params: map[string]any{}})
			cur = &out[len(out)-1]
		case cur == nil || strings.HasPrefix(line, "//") || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, ":param "):
			k, v, ok := strings.Cut(strings.TrimPrefix(line, ":param "), "=>")
			v = strings.TrimSpace(v)
			if !ok || len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'' {
				t.Fatalf("%s: cannot read %q", cur.name, line)
			}
			cur.params[strings.TrimSpace(k)] = v[1 : len(v)-1]
		default:
			cur.text += line + "\n"
		}
	}
	return out
}

// TestExampleQueries loads the example notes and runs every query of
// examples/queries.cypher. The expected answers come from the graph that
// `notegraph analyze examples/pycodeconf/notes.md -o graph.json` wrote on
// 2026-12-01 (extractor of main after the entry-template redesign and the
// precision work that followed it): PageRank order of the Person
// nodes, the COVERS and GAVE edges around "requests", a breadth-first search
// for the shortest paths (two at 4 hops, one through the event), and the nodes whose community
// equals Kenneth Reitz's.
func TestExampleQueries(t *testing.T) {
	c := neo4jEnv(t)
	d := loadSeed(t, c)
	want := map[string]func(t *testing.T, rows []map[string]any){
		"most-central-people": func(t *testing.T, rows []map[string]any) {
			assertColumn(t, rows, "person", []any{"Leah Culver", "Gary Bernhardt", "Dustin Sallings", "Kenneth Reitz", "Avery Pennarun"})
		},
		"who-covers": func(t *testing.T, rows []map[string]any) {
			assertColumn(t, rows, "person", []any{"Gary Bernhardt", "Kenneth Reitz"})
			assertColumn(t, rows, "via", []any{[]any{}, []any{"python for humans"}})
		},
		"shared-by-two-speakers": func(t *testing.T, rows []map[string]any) {
			assertColumn(t, rows, "shared", []any{"requests", "url"})
		},
		"shortest-path": func(t *testing.T, rows []map[string]any) {
			assertColumn(t, rows, "hops", []any{int64(4), int64(4)})
			assertColumn(t, rows, "names", []any{
				// through the conference: both talks are AT it
				[]any{"Avery Pennarun", "python is slow only if you use it incorrectly", "PyCode Conf", "python for humans", "Kenneth Reitz"},
				[]any{"Avery Pennarun", "python is slow only if you use it incorrectly", "git", "legit", "Kenneth Reitz"},
			})
		},
		"community-members": func(t *testing.T, rows []map[string]any) {
			var got []string
			for _, r := range rows {
				got = append(got, r["member"].(string))
			}
			slices.Sort(got)
			w := []string{"Clint", "Kenneth Reitz", "OXS-GCC Installer", "http://docs.python-guide.org/en/latest/index.html", "http://sphinx.pocoo.org",
				"httplib", "https://github.com/kennethreitz/python-for-humans", "legit", "python for humans", "requests", "sphinx", "subprocess", "url", "urllib2"}
			if !slices.Equal(got, w) {
				t.Errorf("members %q, want %q", got, w)
			}
		},
		"evidence": func(t *testing.T, rows []map[string]any) {
			if len(rows) == 0 {
				t.Fatal("no evidence for requests")
			}
			for _, r := range rows {
				if r["file"] != "notes.md" || r["line"].(int64) < 1 || !strings.Contains(strings.ToLower(r["text"].(string)), "request") {
					t.Errorf("evidence row %v", r)
				}
			}
		},
	}
	queries := readExampleQueries(t, "../../examples/queries.cypher")
	if len(queries) != len(want) {
		t.Errorf("%d queries in examples/queries.cypher, %d expected answers", len(queries), len(want))
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			check := want[q.name]
			if check == nil {
				t.Fatalf("no expected answer for %s", q.name)
			}
			res, err := neo4j.ExecuteQuery(context.Background(), d, q.text, q.params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
			if err != nil {
				t.Fatalf("%v\n%s", err, q.text)
			}
			var rows []map[string]any
			for _, r := range res.Records {
				rows = append(rows, r.AsMap())
			}
			check(t, rows)
		})
	}
}

func assertColumn(t *testing.T, rows []map[string]any, col string, want []any) {
	t.Helper()
	var got []any
	for _, r := range rows {
		got = append(got, r[col])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("column %s = %#v, want %#v", col, got, want)
	}
}

func TestQueryCommand(t *testing.T) {
	c := neo4jEnv(t)
	loadSeed(t, c)
	q := "MATCH (p:Person) WHERE p.name IN $names RETURN p.name AS name, p.id AS id, $n AS n, p.aliases AS aliases ORDER BY name"
	names := `--param=names=["Kenneth Reitz","Gary Bernhardt"]`

	code, out, stderr := runBin(t, nil, "query", q, names, "--param", "n=5", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if len(rows) != 2 || rows[0]["name"] != "Gary Bernhardt" || rows[1]["id"] != "person:kenneth-reitz" || rows[0]["n"] != float64(5) {
		t.Errorf("json rows %v", rows)
	}
	if !strings.HasPrefix(out, "[\n  {\"name\": ") {
		t.Errorf("json keys should keep column order:\n%s", out)
	}

	code, out, _ = runBin(t, nil, "query", q, names, "--param", "n=five", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "name,id,n,aliases\nGary Bernhardt,person:gary-bernhardt,five,") {
		t.Errorf("csv: exit %d:\n%s", code, out)
	}
	code, out, _ = runBin(t, nil, "query", q, names, "--param", "n=1")
	if code != 0 || !strings.Contains(out, "Kenneth Reitz  | person:kenneth-reitz") || !strings.HasSuffix(out, "(2 rows)\n") {
		t.Errorf("table: exit %d:\n%s", code, out)
	}
	code, _, stderr = runBin(t, nil, "query", "RETURN nonsense(")
	if code != 1 || !strings.Contains(stderr, "SyntaxError") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("bad Cypher: exit %d, stderr %q; want 1 and one line", code, stderr)
	}
	// A batched change needs an implicit transaction: it runs in one.
	code, out, stderr = runBin(t, nil, "query", "MATCH (p:Person) CALL { WITH p SET p.query_test = true } IN TRANSACTIONS OF 7 ROWS RETURN count(*) AS n")
	if code != 0 || !strings.Contains(out, "(1 row)") {
		t.Errorf("CALL IN TRANSACTIONS: exit %d: %s%s", code, out, stderr)
	}
	code, out, _ = runBin(t, nil, "query", "MATCH (p:Person) WHERE p.query_test RETURN count(*) AS marked, count { MATCH (q:Person) } AS people", "--format", "csv")
	if m := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(m) != 2 || m[1] == "0,0" || m[1][:strings.Index(m[1], ",")] != m[1][strings.Index(m[1], ",")+1:] {
		t.Errorf("after CALL IN TRANSACTIONS every person is marked: exit %d:\n%s", code, out)
	}
	code, _, _ = runBin(t, nil, "query", "RETURN 1", "--format", "xml")
	if code != 2 {
		t.Errorf("bad --format: exit %d, want 2", code)
	}
	code, _, _ = runBin(t, nil, "query", "RETURN 1", "--param", "novalue")
	if code != 2 {
		t.Errorf("bad --param: exit %d, want 2", code)
	}
}

// TestNeo4jFaultsEndToEnd: an unreachable server, a wrong password and an
// unknown database each give one line on stderr and exit 1 within seconds.
func TestNeo4jFaultsEndToEnd(t *testing.T) {
	c := neo4jEnv(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().(*net.TCPAddr).Port
	l.Close()
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"unreachable", []string{fmt.Sprintf("NEO4J_URI=bolt://127.0.0.1:%d", closed)}, "cannot reach Neo4j at bolt://127.0.0.1:"},
		{"wrong password", []string{"NEO4J_PASSWORD=" + c.Password + "-wrong"}, "refused the user name or password"},
		{"unknown database", []string{"NEO4J_DATABASE=nosuchdb"}, `no such Neo4j database: "nosuchdb"`},
		{"no uri", []string{"NEO4J_URI="}, "no Neo4j URI"},
	}
	for _, tt := range tests {
		for _, args := range [][]string{
			{"export", "../../examples/pycodeconf/notes.md", "--to", "neo4j"},
			{"query", "RETURN 1"},
		} {
			t.Run(tt.name+"/"+args[0], func(t *testing.T) {
				start := time.Now()
				code, _, stderr := runBin(t, tt.env, args...)
				if el := time.Since(start); el > 15*time.Second {
					t.Errorf("took %v", el)
				}
				if code != 1 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
					t.Errorf("exit %d, stderr %q; want 1 and one line with %q", code, stderr, tt.want)
				}
			})
		}
	}
}

func TestExportFileCommands(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph.cypher")
	code, _, stderr := runBin(t, nil, "export", "../../examples/pycodeconf/notes.md", "--to", "cypher", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("CREATE CONSTRAINT `notegraph_Person_id` IF NOT EXISTS")) {
		t.Errorf("script: %v\n%.300s", err, b)
	}
	dir := t.TempDir()
	for _, tt := range []struct{ to, out, file, want string }{
		{"graphml", filepath.Join(dir, "g.graphml"), filepath.Join(dir, "g.graphml"), "<graphml"},
		{"json", filepath.Join(dir, "g.json"), filepath.Join(dir, "g.json"), `"person:kenneth-reitz"`},
		{"neo4j-admin", filepath.Join(dir, "csv"), filepath.Join(dir, "csv", "README"), "neo4j-admin database import"},
	} {
		code, _, stderr := runBin(t, nil, "export", "../../examples/pycodeconf/notes.md", "--to", tt.to, "-o", tt.out)
		b, err := os.ReadFile(tt.file)
		if code != 0 || err != nil || !bytes.Contains(b, []byte(tt.want)) {
			t.Errorf("--to %s: exit %d, %v, %s\n%.200s", tt.to, code, err, stderr, b)
		}
	}
	for _, args := range [][]string{
		{"export", "x.md", "--to", "neo4j-admin"},
		{"export", "x.md"},
		{"export", "x.md", "--to", "dot"},
		{"export", "x.md", "--to", "neo4j", "--batch", "-1"},
	} {
		if code, _, _ := runBin(t, nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// examples/queries.cypher runs as is in cypher-shell (Neo4j's own client,
// from Maven Central via scripts/cypher-shell), :param lines included.
func TestExampleQueriesInCypherShell(t *testing.T) {
	c := neo4jEnv(t)
	for _, tool := range []string{"java", "mvn"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found (CI=true): cypher-shell needs Java and Maven", tool)
			}
			t.Skipf("%s not found: cypher-shell needs Java and Maven", tool)
		}
	}
	loadSeed(t, c)
	args := []string{"-a", c.URI, "-u", c.Username, "-p", c.Password, "--format", "plain", "-f", "../../examples/queries.cypher"}
	if c.Database != "" {
		args = append(args, "-d", c.Database)
	}
	cmd := exec.Command("../../scripts/cypher-shell", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("cypher-shell -f examples/queries.cypher: %v\n%s", err, errb.String())
	}
	// The first lines of the first answer, and the shortest path (see
	// TestExampleQueries for where they come from).
	for _, want := range []string{
		"person, pagerank, degree, talks\n\"Leah Culver\", 0.02",
		`4, ["Avery Pennarun", "python is slow only if you use it incorrectly", "git", "legit", "Kenneth Reitz"]`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("cypher-shell output lacks %q:\n%s", want, out.String())
		}
	}
}
