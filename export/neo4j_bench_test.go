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
