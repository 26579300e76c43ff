// Command notegraph turns Markdown notes into a knowledge graph you can look
// at and query.
//
//	notegraph extract NOTES... -o graph.json   notes → graph (JSON)
//	notegraph analyze NOTES|graph.json         centrality and communities
//	notegraph render  NOTES|graph.json -o map.svg
//	notegraph export  NOTES|graph.json --to neo4j|cypher|neo4j-admin|graphml|json
//	notegraph query   'CYPHER'
//
// Exit codes: 0 success, 1 failure, 2 usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit codes, documented in --help.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks an error caused by how the command was called.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// globalOptions are flags every subcommand has.
type globalOptions struct {
	quiet       bool
	memoryLimit string
}

var globals globalOptions

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "notegraph",
		Short: "Turn Markdown notes into a knowledge graph",
		Long: `notegraph extracts people, talks, tools, concepts, organizations and events from
Markdown notes, with typed relations and the file and line behind every node and
edge; analyzes the graph (degree, PageRank, betweenness, closeness, communities);
exports it to Neo4j, Cypher, neo4j-admin CSV, GraphML or JSON; and renders it as
an SVG map.

Exit codes:
  0  success
  1  failure (a path that does not exist, cannot be read or holds no notes;
     I/O, Neo4j, problems in the notes with --strict)
  2  usage error (unknown flag, a value not among a flag's choices, missing
     argument, -o naming another format or a folder)`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().BoolVarP(&globals.quiet, "quiet", "q", false, "print no progress or summary")
	root.PersistentFlags().StringVar(&globals.memoryLimit, "memory-limit", "auto", memoryLimitUsage)
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		return applyMemoryLimit(globals.memoryLimit, os.Getenv("GOMEMLIMIT"), memTotal())
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	return root
}

// subcommands lists the constructors of every subcommand; each cmd_*.go file
// appends its own in an init function.
var subcommands []func() *cobra.Command

func main() {
	os.Exit(run(os.Args[1:]))
}

// oneLine escapes the line breaks an error message may quote.
var oneLine = strings.NewReplacer("\n", `\n`, "\r", `\r`)

func run(args []string) int {
	return runRoot(newRootCmd(), args, os.Stderr)
}

// runRoot runs root with args and reports an error on stderr as one line;
// it returns the exit code.
func runRoot(root *cobra.Command, args []string, stderr io.Writer) int {
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	// One line, whatever the error quotes (a path may hold a newline).
	fmt.Fprintf(stderr, "notegraph: %s\n", oneLine.Replace(err.Error()))
	var u usageError
	if errors.As(err, &u) || isCobraUsage(err) {
		return exitUsage
	}
	return exitFailure
}
