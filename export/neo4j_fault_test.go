package export_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/notegraph/notegraph/export"
	"github.com/notegraph/notegraph/graph"
)

// closedPort returns a loopback port nobody listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func TestConnectNeo4jFaults(t *testing.T) {
	real := neo4jConfig(t)
	closed := closedPort(t)
	tests := []struct {
		name string
		cfg  export.Neo4jConfig
		want error
	}{
		{"unreachable", export.Neo4jConfig{URI: fmt.Sprintf("bolt://127.0.0.1:%d", closed), Username: "neo4j", Password: "x"}, export.ErrNeo4jUnreachable},
		{"unreachable routing", export.Neo4jConfig{URI: fmt.Sprintf("neo4j://127.0.0.1:%d", closed), Username: "neo4j", Password: "x"}, export.ErrNeo4jUnreachable},
		{"wrong password", export.Neo4jConfig{URI: real.URI, Username: real.Username, Password: real.Password + "-wrong", Database: real.Database}, export.ErrNeo4jAuth},
		{"unknown database", export.Neo4jConfig{URI: real.URI, Username: real.Username, Password: real.Password, Database: "nosuchdb"}, export.ErrNeo4jDatabase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			within(t, 10*time.Second, "the failure", func() {
				var d neo4j.DriverWithContext
				d, err = export.ConnectNeo4j(context.Background(), tt.cfg)
				if d != nil {
					d.Close(context.Background())
				}
			})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tt.cfg.URI) {
				t.Errorf("message %q should be one line naming the server", err)
			}
			if strings.Contains(err.Error(), real.Password) && real.Password != "" {
				t.Errorf("message %q shows the password", err)
			}
		})
	}
}

// The driver wraps the last attempt's error in a TransactionExecutionLimit
// that errors.As cannot see through; Neo4jError digs it out.
func TestNeo4jErrorUnwrapsRetries(t *testing.T) {
	c := export.Neo4jConfig{URI: "bolt://db:7687", Username: "u", Database: "graph"}
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"connectivity after retries", &neo4j.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 30s)",
			Errors: []error{&neo4j.ConnectivityError{Inner: errors.New("dial tcp 127.0.0.1:7687: connect: connection refused")}}}, export.ErrNeo4jUnreachable},
		{"unauthorized", &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized", Msg: "The client is unauthorized due to authentication failure."}, export.ErrNeo4jAuth},
		{"no database", fmt.Errorf("wrapped: %w", &neo4j.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound", Msg: "Database does not exist. Database name: 'graph'."}), export.ErrNeo4jDatabase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := export.Neo4jError(tt.err, c)
			if !errors.Is(err, tt.want) {
				t.Errorf("Neo4jError(%v) = %v, want %v", tt.err, err, tt.want)
			}
		})
	}
}

// syntheticGraph has n people and m RELATED_TO edges from a fixed
// generator, with one evidence line each, spread over files.
func syntheticGraph(n, m, files int) graph.Graph {
	g := graph.Graph{Title: "synthetic"}
	for f := range files {
		g.Files = append(g.Files, fmt.Sprintf("notes/%04d.md", f))
	}
	g.Nodes = make([]graph.Node, n)
	for i := range n {
		name := fmt.Sprintf("Person %07d", i)
		f := g.Files[i%files]
		g.Nodes[i] = graph.Node{ID: graph.ID(graph.Person, name), Type: graph.Person, Name: name, Aliases: []string{},
			Scores:   map[string]float64{"degree": float64(i % 17), "pagerank": 1 / float64(i+1)},
			Evidence: []graph.Evidence{{File: f, Line: i%1000 + 1, Text: "- " + name}}}
	}
	x := uint64(42)
	next := func() int { // xorshift: fixed, fast, good enough to spread edges
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	seen := map[[2]int]bool{}
	for len(g.Edges) < m {
		a, b := next(), next()
		if a == b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		f := g.Files[a%files]
		g.Edges = append(g.Edges, graph.Edge{Source: g.Nodes[a].ID, Target: g.Nodes[b].ID, Type: graph.RelatedTo,
			Evidence: []graph.Evidence{{File: f, Line: b%1000 + 1, Text: "related"}}})
	}
	g.Normalize()
	return g
}

// localServer returns the pid of the server scripts/neo4j runs when cfg
// points at it, or skips (fails under CI=true, where the run starts that
// server).
func localServer(t *testing.T, cfg export.Neo4jConfig) (script string, pid int) {
	t.Helper()
	script, _ = filepath.Abs(filepath.Join("..", "scripts", "neo4j"))
	fail := t.Skipf
	if os.Getenv("CI") == "true" {
		fail = t.Fatalf
	}
	u, err := url.Parse(cfg.URI)
	port := os.Getenv("NEO4J_BOLT_PORT")
	if port == "" {
		port = "7687"
	}
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost") || u.Port() != port {
		fail("NEO4J_URI %s is not the local server of scripts/neo4j: this test kills and restarts that server", cfg.URI)
	}
	out, err := exec.Command(script, "pid").Output()
	if err != nil {
		fail("scripts/neo4j runs no server: this test kills and restarts it")
	}
	pid, err = strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("scripts/neo4j pid: %q", out)
	}
	return script, pid
}

// TestNeo4jKilledMidLoad kills the server (SIGKILL) while a load is writing
// relationships, restarts it, reruns the load, and checks that the database
// holds exactly what a clean load gives: no duplicates, nothing missing.
func TestNeo4jKilledMidLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: this test restarts the server (about a minute)")
	}
	d, c := testDriver(t)
	script, pid := localServer(t, c)
	g := syntheticGraph(5000, 15_000, 50)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	killed := false
	_, err := export.Neo4j(ctx, d, g, export.Neo4jOptions{Database: c.Database, BatchSize: 1000, Progress: func(p export.Neo4jProgress) {
		if p.Stage == "relationships" && p.Done >= 5000 && !killed {
			killed = true
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Errorf("kill server: %v", err)
			}
			// The next batch fails; without this the driver would retry it
			// for 30 s against the dead server first.
			go func() { time.Sleep(2 * time.Second); cancel() }()
		}
	}})
	if !killed {
		t.Fatalf("the load ended before the server could be killed: %v", err)
	}
	if err == nil {
		t.Fatal("the load succeeded although the server was killed")
	}
	t.Logf("load with the server killed: %v", export.Neo4jError(err, c))
	for i := 0; i < 100 && processAlive(pid); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	start := exec.Command(script, "start")
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("restart the server: %v\n%s", err, out)
	}

	d2, err := export.ConnectNeo4j(context.Background(), c)
	if err != nil {
		t.Fatalf("reconnect: %v", err)
	}
	defer d2.Close(context.Background())
	partial := snapshot(t, d2, c)
	if len(partial.Nodes) != len(g.Nodes) || len(partial.Rels) < 5000 || len(partial.Rels) >= len(g.Edges) {
		t.Errorf("after the crash: %d nodes, %d relationships (of %d, %d): want all nodes and part of the relationships", len(partial.Nodes), len(partial.Rels), len(g.Nodes), len(g.Edges))
	}
	st := load(t, d2, c, g, export.Neo4jOptions{BatchSize: 1000})
	if st.NodesCreated != 0 || st.RelsCreated != len(g.Edges)-len(partial.Rels) {
		t.Errorf("rerun: %v; want the %d missing relationships created", st, len(g.Edges)-len(partial.Rels))
	}
	t.Logf("rerun: %v", st)
	after := snapshot(t, d2, c)
	for k, rs := range after.Rels {
		if len(rs) != 1 {
			t.Errorf("relationship %s is there %d times", k, len(rs))
		}
	}

	// A clean load of the same graph gives the same database.
	resetDB(t, d2, c)
	load(t, d2, c, g, export.Neo4jOptions{BatchSize: 1000})
	diffState(t, "rerun after crash vs clean load", snapshot(t, d2, c), after)
}

// processAlive reports whether pid runs (a zombie does not).
func processAlive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	f := strings.Fields(string(b))
	return len(f) > 2 && f[2] != "Z"
}
