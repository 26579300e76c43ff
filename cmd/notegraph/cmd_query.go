package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/export"
)

func init() { subcommands = append(subcommands, newQueryCmd) }

type queryOptions struct {
	neo4jFlags
	params []string
	format string
	output string
}

func newQueryCmd() *cobra.Command {
	var o queryOptions
	cmd := &cobra.Command{
		Use:   "query 'CYPHER' [--param k=v]... [--format table|json|csv]",
		Short: "Run a Cypher query against Neo4j and print the result",
		Long: `Query runs one Cypher statement against the Neo4j given by --uri (default
$NEO4J_URI) and prints its records.

--param NAME=VALUE passes $NAME; VALUE is read as JSON when it is valid JSON
(5, 0.5, true, ["a","b"], {"k":1}, "quoted") and as a plain string otherwise
(--param name=Kenneth Reitz).

Formats: table (aligned columns, for people), json (an array of objects, one
per record, keys in column order), csv (a header, then one line per record;
strings as is, other values as JSON). Nodes print as {"labels", "properties"},
relationships as {"type", "properties"}, paths as {"nodes", "relationships"}.

A statement that Neo4j runs only in an implicit transaction (CALL { … } IN
TRANSACTIONS) runs in an auto-commit transaction; every other statement in a
transaction the driver retries on transient errors.

examples/queries.cypher holds ready-made questions.`,
		Example: `  notegraph query 'MATCH (p:Person) RETURN p.name AS name, p.pagerank AS pagerank ORDER BY pagerank DESC LIMIT 5'
  notegraph query 'MATCH (t:Tool {name: $tool})<-[:COVERS]-(talk)<-[:GAVE]-(p) RETURN p.name' --param tool=requests
  notegraph query 'MATCH (n:Notegraph) RETURN n.id, n.name' --format csv > nodes.csv`,
		Args: cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("format", o.format, queryFormats); err != nil {
				return err
			}
			_, err := parseParams(o.params)
			return err
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQuery(cmd.Context(), o, args[0])
		},
	}
	o.neo4jFlags.register(cmd)
	cmd.Flags().StringArrayVarP(&o.params, "param", "p", nil, "query parameter `NAME=VALUE` (repeatable)")
	cmd.Flags().StringVarP(&o.format, "format", "f", "table", "output `FORMAT`: table, json or csv")
	cmd.Flags().StringVarP(&o.output, "output", "o", "-", "write to `FILE` (- for stdout)")
	return cmd
}

// queryFormats are the --format values.
var queryFormats = []string{"table", "json", "csv"}

func runQuery(ctx context.Context, o queryOptions, q string) error {
	var format func(io.Writer, []string, []*neo4j.Record) error
	switch o.format {
	case "table":
		format = writeTable
	case "json":
		format = writeJSONRecords
	case "csv":
		format = writeCSVRecords
	default:
		return oneOf("format", o.format, queryFormats)
	}
	params, err := parseParams(o.params)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()

	cfg := o.neo4jFlags.config()
	d, err := export.ConnectNeo4j(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close(context.Background())
	keys, recs, err := execute(ctx, d, cfg.Database, q, params)
	if err != nil {
		return export.Neo4jError(err, cfg)
	}
	return writeOutput(o.output, func(w io.Writer) error { return format(w, keys, recs) })
}

// execute runs q in a managed transaction (retried by the driver on
// transient errors). A statement that must run in an implicit transaction
// — CALL { … } IN TRANSACTIONS, Neo4j's way to change many items in
// batches — is refused before it starts; it is then run again in an
// auto-commit transaction, as cypher-shell and Neo4j Browser's :auto do.
func execute(ctx context.Context, d neo4j.DriverWithContext, db, q string, params map[string]any) ([]string, []*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, q, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err == nil {
		return res.Keys, res.Records, nil
	}
	var nerr *neo4j.Neo4jError
	if !errors.As(err, &nerr) || nerr.Code != "Neo.DatabaseError.Transaction.TransactionStartFailed" || !strings.Contains(nerr.Msg, "implicit transaction") {
		return nil, nil, err
	}
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(context.WithoutCancel(ctx))
	r, err := sess.Run(ctx, q, params)
	if err != nil {
		return nil, nil, err
	}
	recs, err := r.Collect(ctx)
	if err != nil {
		return nil, nil, err
	}
	keys, err := r.Keys()
	return keys, recs, err
}

// parseParams reads NAME=VALUE pairs; VALUE is JSON when it parses as JSON.
func parseParams(kvs []string) (map[string]any, error) {
	params := map[string]any{}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usagef("--param %q: want NAME=VALUE", kv)
		}
		params[k] = paramValue(v)
	}
	return params, nil
}

func paramValue(s string) any {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return s
	}
	if _, err := dec.Token(); err != io.EOF {
		return s
	}
	return fromJSON(v)
}

// fromJSON turns json.Number into int64 or float64, recursively.
func fromJSON(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	case []any:
		for i := range v {
			v[i] = fromJSON(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = fromJSON(v[k])
		}
	}
	return v
}

// plain turns driver values into values encoding/json writes well.
func plain(v any) any {
	switch v := v.(type) {
	case dbtype.Node:
		return map[string]any{"labels": v.Labels, "properties": plainMap(v.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": v.Type, "properties": plainMap(v.Props)}
	case dbtype.Path:
		nodes := make([]any, len(v.Nodes))
		for i, n := range v.Nodes {
			nodes[i] = plain(n)
		}
		rels := make([]any, len(v.Relationships))
		for i, r := range v.Relationships {
			rels[i] = plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plain(x)
		}
		return out
	case map[string]any:
		return plainMap(v)
	case nil, bool, int64, float64, string:
		return v
	case []byte:
		return v
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plain(v)
	}
	return out
}

func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(plain(v))
	return strings.TrimSuffix(b.String(), "\n")
}

// cellText is a value as one table or CSV cell: strings as is, the rest as
// JSON.
func cellText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return jsonText(v)
}

func writeJSONRecords(w io.Writer, keys []string, recs []*neo4j.Record) error {
	var b strings.Builder
	b.WriteString("[")
	for i, r := range recs {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, k := range keys {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(jsonText(k))
			b.WriteString(": ")
			b.WriteString(jsonText(r.Values[j]))
		}
		b.WriteString("}")
	}
	if len(recs) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCSVRecords(w io.Writer, keys []string, recs []*neo4j.Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(keys); err != nil {
		return err
	}
	for _, r := range recs {
		row := make([]string, len(keys))
		for j := range keys {
			row[j] = cellText(r.Values[j])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeTable prints aligned columns; newlines and tabs in cells show as \n
// and \t so each record stays on one line.
func writeTable(w io.Writer, keys []string, recs []*neo4j.Record) error {
	cells := [][]string{keys}
	for _, r := range recs {
		row := make([]string, len(keys))
		for j := range keys {
			row[j] = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(cellText(r.Values[j]))
		}
		cells = append(cells, row)
	}
	widths := make([]int, len(keys))
	for _, row := range cells {
		for j, c := range row {
			widths[j] = max(widths[j], uniseg.StringWidth(c))
		}
	}
	var b strings.Builder
	line := func(row []string) {
		for j, c := range row {
			if j > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(c)
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-uniseg.StringWidth(c)))
			}
		}
		b.WriteString("\n")
	}
	line(cells[0])
	for j := range keys {
		if j > 0 {
			b.WriteString("-+-")
		}
		b.WriteString(strings.Repeat("-", widths[j]))
	}
	b.WriteString("\n")
	for _, row := range cells[1:] {
		line(row)
	}
	fmt.Fprintf(&b, "(%d row%s)\n", len(recs), map[bool]string{true: "", false: "s"}[len(recs) == 1])
	_, err := io.WriteString(w, b.String())
	return err
}
