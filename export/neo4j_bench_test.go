package export_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/notegraph/notegraph/export"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkNeo4jLoad loads a synthetic graph (NOTEGRAPH_BENCH_NODES, default
// 100k people; NOTEGRAPH_BENCH_RELS, default 500k relationships) into an
// empty database, then loads the first NOTEGRAPH_BENCH_ROWS (default 2000)
// relationships of it again the way row-at-a-time tools do — one MERGE query
// per row, each its own transaction — into a fresh database, and reports
// both rates (NOTEGRAPH_BENCH_BATCH and NOTEGRAPH_BENCH_PARALLEL set the
// load's BatchSize and Parallel):
//
//	go test ./export -run '^$' -bench Neo4jLoad -benchtime 1x
//
// It needs NEO4J_URI like the integration tests, and empties the database.
func BenchmarkNeo4jLoad(b *testing.B) {
	nNodes, nRels, nRows := envInt("NOTEGRAPH_BENCH_NODES", 100_000), envInt("NOTEGRAPH_BENCH_RELS", 500_000), envInt("NOTEGRAPH_BENCH_ROWS", 2000)
	d, c := testDriver(b)
	g := syntheticGraph(nNodes, nRels, 1000)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		resetDB(b, d, c)
		b.StartTimer()
		var nodesDone, relsStart time.Time
		start := time.Now()
		st, err := export.Neo4j(ctx, d, g, export.Neo4jOptions{Database: c.Database, BatchSize: envInt("NOTEGRAPH_BENCH_BATCH", 0), Parallel: envInt("NOTEGRAPH_BENCH_PARALLEL", 0), Progress: func(p export.Neo4jProgress) {
			if p.Stage == "nodes" && p.Done == p.Total {
				nodesDone = time.Now()
			}
			if p.Stage == "relationships" && relsStart.IsZero() {
				relsStart = nodesDone
			}
		}})
		if err != nil {
			b.Fatal(err)
		}
		end := time.Now()
		if st.NodesCreated != nNodes || st.RelsCreated != nRels {
			b.Fatalf("loaded %v", st)
		}
		nodeRate := float64(nNodes) / nodesDone.Sub(start).Seconds()
		relRate := float64(nRels) / end.Sub(nodesDone).Seconds()
		b.ReportMetric(nodeRate, "nodes/s")
		b.ReportMetric(relRate, "rels/s")
		b.ReportMetric(float64(nNodes+nRels)/end.Sub(start).Seconds(), "items/s")

		// A rerun of the same graph: reads and compares everything, writes
		// nothing.
		t0 := time.Now()
		st, err = export.Neo4j(ctx, d, g, export.Neo4jOptions{Database: c.Database})
		if err != nil {
			b.Fatal(err)
		}
		if st.Changed() {
			b.Fatalf("rerun changed: %v", st)
		}
		b.ReportMetric(float64(nNodes+nRels)/time.Since(t0).Seconds(), "rerun-items/s")

		// The same relationships, one MERGE query per row, into a fresh
		// database holding the same nodes.
		b.StopTimer()
		resetDB(b, d, c)
		sub := g
		sub.Edges = g.Edges[:nRows]
		sub.Files = nil // no sync stage
		load(b, d, c, sub, export.Neo4jOptions{BatchSize: 10_000})
		run(b, d, c, "MATCH (:Notegraph)-[r]->() DELETE r", nil)
		b.StartTimer()
		t0 = time.Now()
		for _, e := range sub.Edges {
			_, err := neo4j.ExecuteQuery(ctx, d, `MATCH (a:Notegraph {id: $s}) MATCH (b:Notegraph {id: $t})
MERGE (a)-[r:RELATED_TO]->(b) SET r.evidence_files = $f, r.evidence_lines = $l, r.evidence_texts = $x, r.sources = $f`,
				map[string]any{"s": e.Source, "t": e.Target, "f": []any{e.Evidence[0].File}, "l": []any{int64(e.Evidence[0].Line)}, "x": []any{e.Evidence[0].Text}},
				neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database))
			if err != nil {
				b.Fatal(err)
			}
		}
		rowRate := float64(nRows) / time.Since(t0).Seconds()
		b.ReportMetric(rowRate, "per-row-rels/s")
		b.ReportMetric(relRate/rowRate, "speedup")
	}
}

// BenchmarkNeo4jFloor measures what the server itself allows: the same
// 500k relationships (NOTEGRAPH_BENCH_RELS) between 100k bare nodes
// (NOTEGRAPH_BENCH_NODES), created by element id in batches of 2,000, two
// transactions at once — once with no property, once with the four
// evidence lists a notegraph relationship carries. Nothing but the
// relationship is written, so the first figure is the ceiling of any load
// on this server, and the second the ceiling of one that keeps evidence:
//
//	go test ./export -run '^$' -bench Neo4jFloor -benchtime 1x
//
// It needs NEO4J_URI like the integration tests, and empties the database.
func BenchmarkNeo4jFloor(b *testing.B) {
	nNodes, nRels := envInt("NOTEGRAPH_BENCH_NODES", 100_000), envInt("NOTEGRAPH_BENCH_RELS", 500_000)
	d, c := testDriver(b)
	ctx := context.Background()
	g := syntheticGraph(nNodes, nRels, 1000)
	variants := []struct {
		name, props string
		values      func(ev []any) []any
	}{
		{"bare", "", func([]any) []any { return nil }},
		{"evidence", " {evidence_files: r[2], evidence_lines: r[3], evidence_texts: r[4], sources: r[5]}", func(ev []any) []any {
			return []any{[]any{ev[0]}, []any{ev[1]}, []any{ev[2]}, []any{ev[0]}}
		}},
	}
	b.ResetTimer()
	for range b.N {
		for _, v := range variants {
			b.StopTimer()
			resetDB(b, d, c)
			eids := map[string]any{}
			for i := 0; i < nNodes; i += 10_000 {
				ids := make([]any, 0, 10_000)
				for _, n := range g.Nodes[i:min(i+10_000, nNodes)] {
					ids = append(ids, n.ID)
				}
				res := run(b, d, c, "UNWIND $ids AS id CREATE (n:"+export.NodeLabel+" {id: id}) RETURN id, elementId(n)", map[string]any{"ids": ids})
				for _, r := range res.Records {
					eids[r.Values[0].(string)] = r.Values[1]
				}
			}
			rows := make([]any, len(g.Edges))
			for i, e := range g.Edges {
				ev := e.Evidence[0]
				rows[i] = append([]any{eids[e.Source], eids[e.Target]}, v.values([]any{ev.File, int64(ev.Line), ev.Text})...)
			}
			q := "UNWIND $rows AS r MATCH (a) WHERE elementId(a) = r[0] MATCH (b) WHERE elementId(b) = r[1] CREATE (a)-[:RELATED_TO" + v.props + "]->(b)"
			b.StartTimer()
			t0 := time.Now()
			next := make(chan []any)
			errs := make(chan error, 2)
			for range 2 {
				go func() {
					sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.Database})
					defer sess.Close(ctx)
					var err error
					for chunk := range next {
						if err == nil {
							_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
								res, err := tx.Run(ctx, q, map[string]any{"rows": chunk})
								if err != nil {
									return nil, err
								}
								return res.Consume(ctx)
							})
						}
					}
					errs <- err
				}()
			}
			for i := 0; i < len(rows); i += 2000 {
				next <- rows[i:min(i+2000, len(rows))]
			}
			close(next)
			for range 2 {
				if err := <-errs; err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rows))/time.Since(t0).Seconds(), v.name+"-rels/s")
		}
	}
}
