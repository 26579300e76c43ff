package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/notegraph/notegraph/graph"
)

// TestNeo4jAdminImport runs the command from DIR/README with Neo4j's real
// importer (neo4j-admin database import full, from Maven Central via
// testdata/neo4j-admin/pom.xml) into a fresh store, then reads the store
// with the embedded database (testdata/neo4j-admin/Check.java) and checks
// every node, label, relationship and property against NodeProperties and
// RelProperties. It needs java and mvn: under CI=true their absence fails
// the test; otherwise it skips. It takes about a minute (-short skips it
// outside CI).
func TestNeo4jAdminImport(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("-short: skipping the neo4j-admin import")
	}
	cp := neo4jAdminClasspath(t)
	// One import of both graphs: each start of the JVM and the importer
	// costs most of a minute on a busy machine.
	for _, tc := range []struct {
		name string
		g    graph.Graph
	}{
		{"nasty+pycodeconf+vault", graph.Merge(nastyGraph(), exampleGraph(t), vaultGraph(t))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.g
			dir := t.TempDir()
			if err := Neo4jAdminCSV(dir, g); err != nil {
				t.Fatal(err)
			}
			home := t.TempDir()
			if err := os.MkdirAll(filepath.Join(home, "conf"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			readme, err := os.ReadFile(filepath.Join(dir, "README"))
			if err != nil {
				t.Fatal(err)
			}
			command := readmeCommand(t, string(readme))
			// The README's command, verbatim, with neo4j-admin standing for
			// the importer's main class on the Maven classpath.
			script := `neo4j-admin() { java -Xmx512m -cp "$NOTEGRAPH_NEO4J_CP" org.neo4j.cli.AdminTool "$@"; }` + "\n" + command
			cmd := exec.Command("bash", "-e", "-c", script)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"), "NOTEGRAPH_NEO4J_CP="+cp)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("import: %v\n%s", err, out)
			}
			wantSummary := strconv.Itoa(len(g.Nodes)) + " nodes\n  " + strconv.Itoa(len(g.Edges)) + " relationships"
			if !bytes.Contains(out, []byte(wantSummary)) {
				t.Errorf("import summary lacks %q:\n%s", wantSummary, tail(out, 400))
			}

			check := exec.Command("java", "-Xmx512m", "-cp", cp, filepath.Join("testdata", "neo4j-admin", "Check.java"), home)
			var stderr bytes.Buffer
			check.Stderr = &stderr
			js, err := check.Output()
			if err != nil {
				t.Fatalf("Check.java: %v\n%s", err, tail(stderr.Bytes(), 2000))
			}
			compareStore(t, g, js)
		})
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// readmeCommand returns the neo4j-admin command of a README, as written.
func readmeCommand(t *testing.T, readme string) string {
	t.Helper()
	i := strings.Index(readme, "  neo4j-admin database import full")
	if i < 0 {
		t.Fatalf("README has no neo4j-admin command:\n%s", readme)
	}
	cmd, _, _ := strings.Cut(readme[i:], "\n\n")
	return cmd + "\n"
}

// neo4jAdminClasspath resolves the importer with Maven and returns its classpath.
func neo4jAdminClasspath(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"java", "mvn"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found (CI=true: the neo4j-admin import test needs Java 17 and Maven)", tool)
			}
			t.Skipf("%s not found: skipping the neo4j-admin import test", tool)
		}
	}
	out := filepath.Join(t.TempDir(), "classpath")
	cmd := exec.Command("mvn", "-B", "-q", "-f", filepath.Join("testdata", "neo4j-admin", "pom.xml"),
		"dependency:build-classpath", "-Dmdep.outputFile="+out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mvn dependency:build-classpath (make setup-neo4j-admin fetches it ahead): %v\n%s", err, tail(b, 2000))
	}
	cp, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(cp))
}

// compareStore compares Check.java's dump of the imported store with g.
func compareStore(t *testing.T, g graph.Graph, js []byte) {
	t.Helper()
	var store struct {
		Nodes []struct {
			Labels []string                   `json:"labels"`
			Props  map[string]json.RawMessage `json:"props"`
		} `json:"nodes"`
		Rels []struct {
			Start, End, Type string
			Props            map[string]json.RawMessage `json:"props"`
		} `json:"rels"`
	}
	if err := json.Unmarshal(js, &store); err != nil {
		t.Fatalf("Check.java output: %v", err)
	}
	if len(store.Nodes) != len(g.Nodes) || len(store.Rels) != len(g.Edges) {
		t.Errorf("store has %d nodes, %d relationships; want %d, %d", len(store.Nodes), len(store.Rels), len(g.Nodes), len(g.Edges))
	}
	nodes := map[string]map[string]any{}
	for _, n := range store.Nodes {
		props := storeProps(t, n.Props)
		id, _ := props[PropID].(string)
		props[":LABEL"] = strings.Join(n.Labels, ",")
		nodes[id] = props
	}
	for _, n := range g.Nodes {
		got, ok := nodes[javaString(n.ID)]
		if !ok {
			t.Errorf("node %q missing", n.ID)
			continue
		}
		labels := slices.Sorted(slices.Values(NodeLabels(n)))
		if got[":LABEL"] != strings.Join(labels, ",") {
			t.Errorf("node %q: labels %v, want %v", n.ID, got[":LABEL"], labels)
		}
		delete(got, ":LABEL")
		compareStoreProps(t, "node "+n.ID, NodeProperties(n), got)
	}
	rels := map[string]map[string]any{}
	for _, r := range store.Rels {
		rels[r.Start+"|"+r.Type+"|"+r.End] = storeProps(t, r.Props)
	}
	for _, e := range g.Edges {
		got, ok := rels[javaString(e.Key())]
		if !ok {
			t.Errorf("relationship %q missing", e.Key())
			continue
		}
		compareStoreProps(t, "relationship "+e.Key(), RelProperties(e), got)
	}
}

// storeProps decodes Check.java's [type, value] pairs into NodeProperties' types.
func storeProps(t *testing.T, raw map[string]json.RawMessage) map[string]any {
	t.Helper()
	m := map[string]any{}
	for k, r := range raw {
		var pair [2]json.RawMessage
		var typ string
		if err := json.Unmarshal(r, &pair); err != nil || json.Unmarshal(pair[0], &typ) != nil {
			t.Errorf("%s: bad value %s", k, r)
			continue
		}
		var err error
		switch typ {
		case "string":
			var s string
			err = json.Unmarshal(pair[1], &s)
			m[k] = s
		case "string[]":
			var s []string
			err = json.Unmarshal(pair[1], &s)
			m[k] = s
		case "long":
			var n int64
			err = json.Unmarshal(pair[1], &n)
			m[k] = n
		case "long[]":
			var n []int64
			err = json.Unmarshal(pair[1], &n)
			m[k] = n
		case "double":
			var s string
			if err = json.Unmarshal(pair[1], &s); err == nil {
				var f float64
				f, err = strconv.ParseFloat(s, 64)
				m[k] = f
			}
		default:
			t.Errorf("%s: unexpected Neo4j type %s", k, typ)
		}
		if err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
	return m
}

// javaString is s as Java decodes it from UTF-8: each invalid byte becomes U+FFFD.
func javaString(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

func compareStoreProps(t *testing.T, what string, want, got map[string]any) {
	t.Helper()
	for k, w := range want {
		switch x := w.(type) {
		case string:
			w = javaString(x)
		case []string:
			if len(x) == 1 && x[0] == "" {
				// neo4j-admin reads the field "" as no array: documented loss.
				if g, ok := got[k]; ok {
					t.Errorf("%s: %s = %#v, want it absent", what, k, g)
				}
				continue
			}
			y := make([]string, len(x))
			for i, s := range x {
				y[i] = javaString(s)
			}
			w = y
		}
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: %s missing, want %#v", what, k, w)
			continue
		}
		if !equalValue(w, g) {
			t.Errorf("%s: %s = %#v, want %#v", what, k, g, w)
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected %s = %#v", what, k, g)
		}
	}
}
