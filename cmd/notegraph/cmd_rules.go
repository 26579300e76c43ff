package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/extract"
)

func init() { subcommands = append(subcommands, newRulesCmd) }

func newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "Print the built-in extraction rules (YAML), the starting point for --rules FILE",
		Long: `Rules prints the built-in extraction rules with their documentation: the
section words, cue phrases, labels, stop-words, merges and vetoes the extractor
looks for. Copy the lists you want to extend into a file of your own and pass it
with --rules FILE: each list in your file is added to the built-in one.`,
		Example: `  notegraph rules > my-rules.yaml
  notegraph extract --rules my-rules.yaml notes/ -o graph.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeOutput("-", func(w io.Writer) error {
				_, err := w.Write(extract.DefaultRulesYAML())
				return err
			})
		},
	}
}
