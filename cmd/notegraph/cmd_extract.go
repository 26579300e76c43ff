package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/graph"
)

func init() { subcommands = append(subcommands, newExtractCmd) }

type extractOptions struct {
	extractFlags
	output  string
	explain bool
}

func newExtractCmd() *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract NOTES... [-o graph.json]",
		Short: "Extract a knowledge graph from Markdown notes",
		Long: `Extract reads Markdown notes (files, or folders walked for *.md and *.markdown)
and writes the knowledge graph as JSON:

  {"title": …, "files": [...],
   "nodes": [{"id","type","name","aliases","evidence":[{"file","line","text"}]}],
   "edges": [{"source","target","type","evidence":[{"file","line","text"}]}]}

In a vault (a folder with .obsidian/, logseq/ or .foam/, or notes whose
[[wiki links]] name each other) every note is a node too: Note nodes with
their path and front matter, LINKS_TO between notes, Tag and Attachment
nodes, and MENTIONED_IN from each extracted thing to its notes (--notes).

Nodes and edges are sorted; the same notes give byte-identical output.
A path given that does not exist, cannot be read or (a folder) holds no
notes fails before anything is written. Problems in the notes (unreadable,
binary or empty files, invalid UTF-8, nesting deeper than 32 levels, which
is flattened) are reported on stderr as FILE:LINE: message and the run goes
on; --strict makes them fatal.

--cache DIR keeps each note's parse and walk in DIR (--cache auto: the
user's cache folder, ~/.cache/notegraph on Linux; one file per set of
inputs given, named by a hash of their paths), so a rerun after an edit
reads back the notes that did not change, and whose reading nothing else
changed, instead of extracting them again: on 10,000 notes a rerun takes
about a third of the first run. The output is the same bytes with or
without it. The cache is replaced whenever the program or the rules
change; a cache that cannot be written is a warning, not a failure.`,
		Example: `  notegraph extract notes/ -o graph.json
  notegraph extract talk1.md talk2.md -o - | jq '.nodes | length'
  notegraph extract --rules my-rules.yaml vault/ -o graph.json
  notegraph extract --cache auto vault/ -o graph.json`,
		Args: cobra.MinimumNArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if err := checkOutputFile(o.output, "json"); err != nil {
				return err
			}
			return checkInputs(args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(o, args)
		},
	}
	o.register(cmd)
	cmd.Flags().StringVarP(&o.output, "output", "o", "-", "write the graph to `FILE` (- for stdout)")
	cmd.Flags().BoolVar(&o.explain, "explain", false, "list on stderr every node that merges several spellings, to review (and veto in --rules)")
	return cmd
}

func runExtract(o extractOptions, args []string) error {
	g, err := loadGraph(args, o.extractFlags)
	if err != nil {
		return err
	}
	if err := writeOutput(o.output, func(w io.Writer) error { return graph.WriteJSON(w, g) }); err != nil {
		return err
	}
	if o.explain {
		for _, n := range g.Nodes {
			if len(n.Aliases) > 0 {
				fmt.Fprintf(os.Stderr, "notegraph: merged %s %q ← %q\n", n.Type, n.Name, n.Aliases)
			}
		}
	}
	if !globals.quiet && o.output != "-" {
		fmt.Fprintf(os.Stderr, "notegraph: wrote %s: %d nodes, %d edges from %d file(s)\n", o.output, len(g.Nodes), len(g.Edges), len(g.Files))
	}
	return nil
}
