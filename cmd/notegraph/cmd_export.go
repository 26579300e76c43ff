package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/export"
	"github.com/notegraph/notegraph/graph"
)

func init() { subcommands = append(subcommands, newExportCmd) }

type exportOptions struct {
	extractFlags
	neo4jFlags
	to       string
	output   string
	batch    int
	parallel int
	noDelete bool
}

func newExportCmd() *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export NOTES...|graph.json --to neo4j|cypher|neo4j-admin|graphml|json [-o OUT]",
		Short: "Load the graph into Neo4j, or write it as Cypher, neo4j-admin CSV, GraphML or JSON",
		Long: `Export writes the knowledge graph of NOTES (or of a graph.json written by
extract) where people explore graphs. Every format uses the same node ids.

  --to neo4j        load into a live Neo4j over Bolt and sync it: nodes get the
                    label :Notegraph plus their type, a uniqueness constraint on
                    id, and name, aliases, scores, community, evidence_files,
                    evidence_lines, evidence_texts and sources properties.
                    Rows go in batches of --batch per write transaction,
                    --parallel transactions at once.
                    Rerunning on the same notes changes nothing; when notes
                    change or go, the items that only they stated are deleted
                    (--no-delete keeps them). Nodes without :Notegraph are
                    never touched.
  --to cypher       a re-runnable Cypher script (-o graph.cypher) for
                    cypher-shell -f or Neo4j Browser; it never deletes.
  --to neo4j-admin  node and relationship CSV files for neo4j-admin database
                    import (-o DIR; the command is in DIR/README).
  --to graphml      GraphML for networkx, Gephi, yEd (-o graph.graphml).
  --to json         the graph as JSON, as extract writes it.

The connection flags default to NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
NEO4J_DATABASE, like Neo4j's own tools.`,
		Example: `  notegraph export notes/ --to neo4j --uri bolt://localhost:7687 --user neo4j --password secret
  NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… notegraph export graph.json --to neo4j
  notegraph export notes/ --to cypher -o graph.cypher && cypher-shell -f graph.cypher
  notegraph export graph.json --to graphml -o graph.graphml`,
		Args: cobra.MinimumNArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return o.check(args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), o, args)
		},
	}
	o.extractFlags.register(cmd)
	o.neo4jFlags.register(cmd)
	cmd.Flags().StringVar(&o.to, "to", "", "`FORMAT`: neo4j, cypher, neo4j-admin, graphml or json (required)")
	cmd.Flags().StringVarP(&o.output, "output", "o", "-", "write to `FILE` (- for stdout; a directory for neo4j-admin)")
	cmd.Flags().IntVar(&o.batch, "batch", 0, fmt.Sprintf("rows per transaction (neo4j, default %d) or per statement (cypher, default %d)", export.DefaultBatchSize, export.DefaultScriptBatchSize))
	cmd.Flags().IntVar(&o.parallel, "parallel", 0, fmt.Sprintf("neo4j: write transactions at once (default %d; more helps a server with more cores)", export.DefaultParallel))
	cmd.Flags().BoolVar(&o.noDelete, "no-delete", false, "neo4j: keep items that the notes no longer state")
	return cmd
}

// exportFormats are the --to values.
var exportFormats = []string{"neo4j", "cypher", "neo4j-admin", "graphml", "json"}

// check validates the flags and the paths before any work: nothing is
// written and no server is contacted when a flag or an input is wrong.
func (o *exportOptions) check(args []string) error {
	if o.to == "" {
		return usagef("--to is required: %s", orList(exportFormats))
	}
	if err := oneOf("to", o.to, exportFormats); err != nil {
		return err
	}
	if o.batch < 0 {
		return usagef("--batch %d: want a positive number", o.batch)
	}
	if o.parallel < 0 {
		return usagef("--parallel %d: want a positive number", o.parallel)
	}
	toStdout := o.output == "-" || o.output == ""
	switch o.to {
	case "neo4j":
		if !toStdout {
			return usagef("-o %s: --to neo4j writes no file", o.output)
		}
	case "neo4j-admin":
		if toStdout {
			return usagef("--to neo4j-admin needs -o DIR")
		}
		if info, err := os.Stat(o.output); err == nil && !info.IsDir() {
			return usagef("-o %s is a file; --to neo4j-admin writes a folder", o.output)
		}
	default:
		if err := checkOutputFile(o.output, o.to); err != nil {
			return err
		}
	}
	return checkInputs(args)
}

// runExport loads the graph and writes or sends it; o has passed check.
func runExport(ctx context.Context, o exportOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()

	g, err := loadAnalyzedGraph(args, o.extractFlags)
	if err != nil {
		return err
	}
	switch o.to {
	case "neo4j":
		return exportNeo4j(ctx, o, g)
	case "cypher":
		return writeOutput(o.output, func(w io.Writer) error {
			return export.Cypher(w, g, export.CypherOptions{BatchSize: o.batch})
		})
	case "json":
		return writeOutput(o.output, func(w io.Writer) error { return graph.WriteJSON(w, g) })
	case "graphml":
		return writeOutput(o.output, func(w io.Writer) error { return export.GraphML(w, g) })
	case "neo4j-admin":
		if err := export.Neo4jAdminCSV(o.output, g); err != nil {
			return err
		}
		if !globals.quiet {
			fmt.Fprintf(os.Stderr, "notegraph: wrote %s (import command in %s)\n", o.output, filepath.Join(o.output, "README"))
		}
	}
	return nil
}

func exportNeo4j(ctx context.Context, o exportOptions, g graph.Graph) error {
	cfg := o.neo4jFlags.config()
	d, err := export.ConnectNeo4j(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close(context.Background())

	opts := export.Neo4jOptions{Database: cfg.Database, BatchSize: o.batch, Parallel: o.parallel, NoDelete: o.noDelete}
	bar := newProgress(-1, "loading")
	stage := ""
	if bar != nil {
		opts.Progress = func(p export.Neo4jProgress) {
			if p.Stage != stage {
				stage = p.Stage
				bar.Reset()
				bar.Describe(p.Stage)
				bar.ChangeMax(p.Total)
			}
			_ = bar.Set(p.Done)
		}
	}
	st, err := export.Neo4j(ctx, d, g, opts)
	if bar != nil {
		_ = bar.Finish()
		_ = bar.Clear()
	}
	if err != nil {
		return export.Neo4jError(err, cfg)
	}
	if !globals.quiet {
		fmt.Fprintf(os.Stderr, "notegraph: loaded %d nodes and %d relationships into %s: %v\n", len(g.Nodes), len(g.Edges), cfg.URI, st)
	}
	return nil
}
