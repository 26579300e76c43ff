package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/graph"
)

func init() { subcommands = append(subcommands, newSummaryCmd) }

func newSummaryCmd() *cobra.Command {
	var f extractFlags
	cmd := &cobra.Command{
		Use:   "summary NOTES|graph.json",
		Short: "Print what the notes hold: counts per type, each speaker with their talk and what it covers",
		Example: `  notegraph summary notes/
  notegraph summary out/graph.json`,
		Args: cobra.MinimumNArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return checkInputs(args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGraph(args, f)
			if err != nil {
				return err
			}
			return writeOutput("-", func(w io.Writer) error { return writeSummary(w, g) })
		},
	}
	f.register(cmd)
	return cmd
}

// writeSummary prints a graph for a person to read: counts per type, then
// each speaker with their talks and what each covers, with where it is said.
func writeSummary(w io.Writer, g graph.Graph) error {
	byID := map[string]graph.Node{}
	counts := map[string]int{}
	for _, n := range g.Nodes {
		byID[n.ID] = n
		counts[n.Type]++
	}
	title := g.Title
	if title == "" {
		title = "notes"
	}
	fmt.Fprintf(w, "%s: %d nodes, %d edges from %d file(s)\n", title, len(g.Nodes), len(g.Edges), len(g.Files))
	var parts []string
	for _, t := range slices.Sorted(mapKeysOf(counts)) {
		parts = append(parts, fmt.Sprintf("%s %d", t, counts[t]))
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(parts, " · "))

	out := map[string][]graph.Edge{}
	for _, e := range g.Edges {
		out[e.Source] = append(out[e.Source], e)
	}
	fmt.Fprintln(w, "\nPeople")
	for _, n := range g.Nodes {
		if n.Type != graph.Person {
			continue
		}
		fmt.Fprintf(w, "  %s  (%s)\n", n.Name, where(n.Evidence))
		for _, e := range out[n.ID] {
			t := byID[e.Target]
			switch e.Type {
			case graph.Gave:
				fmt.Fprintf(w, "    gave %q  (%s)\n", t.Name, where(e.Evidence))
				var covers []string
				for _, c := range out[t.ID] {
					if c.Type == graph.Covers {
						covers = append(covers, byID[c.Target].Name)
					}
				}
				if len(covers) > 0 {
					fmt.Fprintf(w, "      covers: %s\n", strings.Join(covers, ", "))
				}
			case graph.LinksTo:
			default:
				fmt.Fprintf(w, "    %s %s  (%s)\n", strings.ToLower(strings.ReplaceAll(e.Type, "_", " ")), t.Name, where(e.Evidence))
			}
		}
	}
	return nil
}

// where names the first place a thing is said, and how many more there are.
func where(ev []graph.Evidence) string {
	if len(ev) == 0 {
		return "no evidence"
	}
	s := fmt.Sprintf("%s:%d", ev[0].File, ev[0].Line)
	if len(ev) > 1 {
		s += fmt.Sprintf(" +%d", len(ev)-1)
	}
	return s
}

func mapKeysOf[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
