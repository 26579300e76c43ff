package export

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/notegraph/notegraph/graph"
)

// DefaultBatchSize is the number of rows per write transaction.
const DefaultBatchSize = 2_000

// DefaultParallel is the number of write transactions a load runs at once.
const DefaultParallel = 2

// Neo4jOptions configure Neo4j.
type Neo4jOptions struct {
	// Database is the database to write to; "" means the server's default.
	Database string
	// BatchSize is the number of nodes or relationships per transaction
	// (DefaultBatchSize when 0).
	BatchSize int
	// Parallel is the number of node or relationship batches written at
	// once, each in its own transaction (DefaultParallel when 0).
	Parallel int
	// NoDelete keeps items that the load's files no longer state.
	NoDelete bool
	// Progress, when set, is called after each batch.
	Progress func(Neo4jProgress)
}

// Neo4jProgress reports a load's advance: Done of Total rows of the current
// Stage ("nodes", "relationships", "stale relationships", "stale nodes").
type Neo4jProgress struct {
	Stage       string
	Done, Total int
}

// Neo4jStats counts what a load changed, from the server's counters.
// Updated items are existing items whose properties changed (their evidence
// from other files included); a rerun of the same notes updates nothing.
type Neo4jStats struct {
	Constraints                              int
	NodesCreated, NodesUpdated, NodesDeleted int
	RelsCreated, RelsUpdated, RelsDeleted    int
	PropertiesSet                            int
}

// Changed reports whether the load changed anything in the database.
func (s Neo4jStats) Changed() bool {
	return s.Constraints+s.NodesCreated+s.NodesUpdated+s.NodesDeleted+s.RelsCreated+s.RelsUpdated+s.RelsDeleted+s.PropertiesSet > 0
}

func (s Neo4jStats) String() string {
	return fmt.Sprintf("nodes: %d created, %d updated, %d deleted; relationships: %d created, %d updated, %d deleted; %d properties set",
		s.NodesCreated, s.NodesUpdated, s.NodesDeleted, s.RelsCreated, s.RelsUpdated, s.RelsDeleted, s.PropertiesSet)
}

// Neo4j loads g into the database behind driver and syncs it: schema first
// (a uniqueness constraint on id for NodeLabel and for each node type), then
// nodes and relationships in batched UNWIND … MERGE write transactions
// (retried by the driver on transient errors; relationships with an end the
// load created skip the merge, see splitFreshRels), then — unless NoDelete — the
// deletion of items whose evidence lay only in this load's files and that g
// no longer has. See NodeLabel for the shape of the data.
//
// Every batch is its own transaction, and opts.Parallel of them run at once,
// so a load that fails half-way leaves the batches that committed; rerunning
// converges to the same database as a clean load.
func Neo4j(ctx context.Context, driver neo4j.DriverWithContext, g graph.Graph, opts Neo4jOptions) (Neo4jStats, error) {
	var st Neo4jStats
	batch := opts.BatchSize
	if batch <= 0 {
		batch = DefaultBatchSize
	}
	sess := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: opts.Database, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	progress := func(stage string, done, total int) {
		if opts.Progress != nil {
			opts.Progress(Neo4jProgress{Stage: stage, Done: done, Total: total})
		}
	}

	// The relationship rows are built while the server writes the nodes.
	nodes, relsc := nodeRows(g), make(chan []batchGroup, 1)
	go func() { relsc <- relRows(g) }()
	files := stringList(loadFiles(g))

	// Schema: constraints go in their own transactions.
	for _, label := range append([]string{NodeLabel}, groupNames(nodes)...) {
		c, err := write(ctx, sess, constraintQuery(label), nil)
		if err != nil {
			return st, fmt.Errorf("create constraint on :%s(id): %w", label, err)
		}
		st.Constraints += c.ConstraintsAdded()
	}

	// A load into a database holding nothing from its files (a first load)
	// has nothing to delete afterwards: everything from those files is then
	// what it wrote. Knowing it spares reading every item back.
	prior, err := hasEvidenceFrom(ctx, sess, files)
	if err != nil {
		return st, fmt.Errorf("look for items from earlier loads: %w", err)
	}

	parallel := opts.Parallel
	if parallel <= 0 {
		parallel = DefaultParallel
	}
	r, err := writeGroups(ctx, driver, opts.Database, "nodes", nodes, batch, parallel, files, progress, func(grp batchGroup) batchQueries {
		return batchQueries{
			create: nodeCreateQuery(grp.name), upsert: nodeUpsertQuery(grp.name, "$rows", "$files"), nodes: true,
			new: func(r row) any { return []any{r["id"], newProps(r)} },
		}
	})
	st.NodesCreated, st.NodesUpdated, st.PropertiesSet = st.NodesCreated+r.created, st.NodesUpdated+r.updated, st.PropertiesSet+r.props
	if err != nil {
		return st, err
	}
	rels := splitFreshRels(<-relsc, r.nodes)
	r, err = writeGroups(ctx, driver, opts.Database, "relationships", rels, batch, parallel, files, progress, func(grp batchGroup) batchQueries {
		if grp.fresh {
			return batchQueries{create: relFreshQuery(grp.name, grp.keys), new: func(r row) any { return freshValues(r, grp.keys) }}
		}
		return batchQueries{
			create: relCreateQuery(grp.name), upsert: relUpsertQuery(grp.name, "$rows", "$files"),
			new: func(r row) any { return []any{r["source"], r["target"], newProps(r)} },
		}
	})
	st.RelsCreated, st.RelsUpdated, st.PropertiesSet = st.RelsCreated+r.created, st.RelsUpdated+r.updated, st.PropertiesSet+r.props
	if err != nil {
		return st, err
	}

	if opts.NoDelete || len(files) == 0 || !prior {
		return st, nil
	}
	if err := deleteStale(ctx, sess, g, files, batch, &st, progress); err != nil {
		return st, err
	}
	return st, nil
}

// deleteStale finds the items with evidence in files that g no longer has,
// strips that evidence, and deletes those left with none.
func deleteStale(ctx context.Context, sess neo4j.SessionWithContext, g graph.Graph, files []any, batch int, st *Neo4jStats, progress func(string, int, int)) error {
	edgeKeys := make(map[string]bool, len(g.Edges))
	for _, e := range g.Edges {
		edgeKeys[e.Key()] = true
	}
	stale, err := readStale(ctx, sess, staleRelCandidates, files, func(r *neo4j.Record) bool {
		s, _ := r.Get("source")
		t, _ := r.Get("type")
		d, _ := r.Get("target")
		ss, _ := s.(string)
		ts, _ := t.(string)
		ds, _ := d.(string)
		return !edgeKeys[graph.Edge{Source: ss, Type: ts, Target: ds}.Key()]
	})
	if err != nil {
		return fmt.Errorf("find stale relationships: %w", err)
	}
	for i := 0; i < len(stale); i += batch {
		chunk := stale[i:min(i+batch, len(stale))]
		c, err := write(ctx, sess, staleRelDelete, map[string]any{"eids": chunk, "files": files})
		if err != nil {
			return fmt.Errorf("delete stale relationships: %w", err)
		}
		st.RelsDeleted += c.RelationshipsDeleted()
		st.RelsUpdated += len(chunk) - c.RelationshipsDeleted()
		st.PropertiesSet += c.PropertiesSet()
		progress("stale relationships", i+len(chunk), len(stale))
	}

	index := g.NodeIndex()
	stale, err = readStale(ctx, sess, staleNodeCandidates, files, func(r *neo4j.Record) bool {
		id, _ := r.Get("id")
		s, _ := id.(string)
		_, ok := index[s]
		return !ok
	})
	if err != nil {
		return fmt.Errorf("find stale nodes: %w", err)
	}
	for i := 0; i < len(stale); i += batch {
		chunk := stale[i:min(i+batch, len(stale))]
		c, err := write(ctx, sess, staleNodeDelete, map[string]any{"eids": chunk, "files": files})
		if err != nil {
			return fmt.Errorf("delete stale nodes: %w", err)
		}
		st.NodesDeleted += c.NodesDeleted()
		st.NodesUpdated += len(chunk) - c.NodesDeleted()
		st.RelsDeleted += c.RelationshipsDeleted()
		st.PropertiesSet += c.PropertiesSet()
		progress("stale nodes", i+len(chunk), len(stale))
	}
	return nil
}

// hasEvidenceFrom reports whether any notegraph node or relationship has
// evidence from files.
func hasEvidenceFrom(ctx context.Context, sess neo4j.SessionWithContext, files []any) (bool, error) {
	if len(files) == 0 {
		return false, nil
	}
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, priorEvidence, map[string]any{"files": files})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		return len(recs) > 0, err
	})
	if err != nil {
		return false, err
	}
	return out.(bool), nil
}

// readStale returns the element ids of the candidates that stale accepts.
func readStale(ctx context.Context, sess neo4j.SessionWithContext, q string, files []any, stale func(*neo4j.Record) bool) ([]any, error) {
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, q, map[string]any{"files": files})
		if err != nil {
			return nil, err
		}
		var eids []any
		for res.Next(ctx) {
			r := res.Record()
			if stale(r) {
				eid, _ := r.Get("eid")
				eids = append(eids, eid)
			}
		}
		return eids, res.Err()
	})
	if err != nil {
		return nil, err
	}
	eids, _ := out.([]any)
	return eids, nil
}

// writeGroups writes the rows of groups in batches of batch rows, parallel
// write transactions at a time (each worker has its own session; nodes of
// a batch are distinct from other batches' and relationships lock no
// node, and the driver retries a transaction that hits a deadlock anyway).
// It returns the sum of the batches' results; on the first error the
// workers stop taking batches and the error names the failed batch.
func writeGroups(ctx context.Context, driver neo4j.DriverWithContext, db, stage string, groups []batchGroup, batch, parallel int, files []any,
	progress func(string, int, int), queries func(batchGroup) batchQueries) (batchResult, error) {
	type job struct {
		grp   string
		qs    *batchQueries
		first int
		rows  []row
	}
	var jobs []job
	total := 0
	for _, grp := range groups {
		qs := queries(grp)
		for i := 0; i < len(grp.rows); i += batch {
			jobs = append(jobs, job{grp.name, &qs, i, grp.rows[i:min(i+batch, len(grp.rows))]})
		}
		total += len(grp.rows)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		sum      batchResult
		done     int
		firstErr error
		next     = make(chan job)
		wg       sync.WaitGroup
	)
	for range min(parallel, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sess := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
			defer sess.Close(context.WithoutCancel(ctx))
			for j := range next {
				r, err := writeBatch(ctx, sess, *j.qs, j.rows, files)
				mu.Lock()
				if err != nil {
					if firstErr == nil {
						firstErr = fmt.Errorf("load :%s %s %d-%d: %w", j.grp, stage, j.first+1, j.first+len(j.rows), err)
						cancel()
					}
				} else {
					sum.created += r.created
					sum.updated += r.updated
					sum.props += r.props
					sum.nodes = append(sum.nodes, r.nodes...)
					done += len(j.rows)
					progress(stage, done, total)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = fmt.Errorf("load %s: %w", stage, ctx.Err())
	}
	return sum, firstErr
}

// batchQueries are the queries of one label's or type's batches: create
// makes the items of $rows of new(row) that do not exist and returns the
// indexes of those that do and differ; upsert merges those (mergeTail).
// With nodes, create returns every row (nodeCreateQuery's columns).
type batchQueries struct {
	create, upsert string
	new            func(row) any
	nodes          bool
}

// batchResult counts what a batch did: items created, existing items
// updated, properties set; and, for nodes, each row's node.
type batchResult struct {
	created, updated, props int
	nodes                   []nodeRef
}

// nodeRef is a node of the load in the database: its notegraph id, element
// id, and whether this load created it.
type nodeRef struct {
	id, eid string
	fresh   bool
}

// splitFreshRels moves the relationships with an end that this load created
// (nodes) out of groups into groups of their own, by type and property keys,
// for relFreshQuery: such relationships cannot exist yet, so they are
// created without the lookups and the merge the others need. This is what
// makes a first load fast; a rerun has no fresh node and takes the merge
// path for everything.
//
// The split only sorts rows: it notes the ends' element ids in each fresh
// row ("a", "b"); freshValues builds the parameter values later, in the
// workers, while the server writes other batches.
func splitFreshRels(groups []batchGroup, nodes []nodeRef) []batchGroup {
	refs := make(map[string]nodeRef, len(nodes))
	for _, n := range nodes {
		refs[n.id] = n
	}
	var out []batchGroup
	fresh := map[string]*batchGroup{}
	var keys []string
	for _, grp := range groups {
		var rest []row
		for _, r := range grp.rows {
			src, _ := r["source"].(string)
			dst, _ := r["target"].(string)
			a, b := refs[src], refs[dst]
			if a.eid == "" || b.eid == "" || !(a.fresh || b.fresh) {
				rest = append(rest, r)
				continue
			}
			keys = newPropKeys(r, keys[:0])
			sig := grp.name + "\x00" + strings.Join(keys, "\x00")
			fg := fresh[sig]
			if fg == nil {
				fg = &batchGroup{name: grp.name, keys: slices.Clone(keys), fresh: true, rows: make([]row, 0, len(grp.rows))}
				fresh[sig] = fg
			}
			r["a"], r["b"] = a.eid, b.eid
			fg.rows = append(fg.rows, r)
		}
		if len(rest) > 0 {
			out = append(out, batchGroup{name: grp.name, rows: rest})
		}
	}
	sigs := make([]string, 0, len(fresh))
	for sig := range fresh {
		sigs = append(sigs, sig)
	}
	slices.Sort(sigs)
	for _, sig := range sigs {
		out = append(out, *fresh[sig])
	}
	return out
}

// freshValues is the relFreshQuery row of r, a fresh row of splitFreshRels
// with property keys keys: [source element id, target element id, value of
// keys[0], value of keys[1], …], the values newProps would give.
func freshValues(r row, keys []string) []any {
	v := make([]any, 2, 2+len(keys))
	v[0], v[1] = r["a"], r["b"]
	return newPropValues(r, keys, v)
}

// writeBatch writes one batch in one transaction: it creates the rows'
// items that do not exist with their final properties, then merges the
// existing ones with mergeTail.
func writeBatch(ctx context.Context, sess neo4j.SessionWithContext, qs batchQueries, chunk []row, files []any) (batchResult, error) {
	fresh := make([]any, len(chunk))
	for i, r := range chunk {
		fresh[i] = qs.new(r)
	}
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var br batchResult
		res, err := tx.Run(ctx, qs.create, map[string]any{"rows": fresh})
		if err != nil {
			return nil, err
		}
		var old []any
		for res.Next(ctx) {
			v := res.Record().Values
			i, ok := v[0].(int64)
			if !ok || i < 0 || int(i) >= len(chunk) {
				continue
			}
			if !qs.nodes {
				old = append(old, chunk[i])
				continue
			}
			id, _ := chunk[i]["id"].(string)
			eid, _ := v[1].(string)
			fresh, _ := v[2].(bool)
			br.nodes = append(br.nodes, nodeRef{id: id, eid: eid, fresh: fresh})
			if differs, _ := v[3].(bool); differs {
				old = append(old, chunk[i])
			}
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return nil, err
		}
		c := sum.Counters()
		br.created = c.NodesCreated() + c.RelationshipsCreated()
		br.props += c.PropertiesSet()
		if len(old) > 0 {
			res, err := tx.Run(ctx, qs.upsert, map[string]any{"rows": old, "files": files})
			if err != nil {
				return nil, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return nil, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			n, _ := rec.Values[0].(int64)
			br.updated = int(n)
			br.props += sum.Counters().PropertiesSet()
		}
		return br, nil
	})
	if err != nil {
		return batchResult{}, err
	}
	return out.(batchResult), nil
}

// write runs q in a write transaction and returns its counters.
func write(ctx context.Context, sess neo4j.SessionWithContext, q string, params map[string]any) (neo4j.Counters, error) {
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, q, params)
		if err != nil {
			return nil, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return nil, err
		}
		return sum.Counters(), nil
	})
	if err != nil {
		return nil, err
	}
	return out.(neo4j.Counters), nil
}

func groupNames(gs []batchGroup) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.name
	}
	return out
}
