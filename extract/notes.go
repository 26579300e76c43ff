package extract

import (
	"github.com/notegraph/notegraph/graph"
)

// Notes extracts the knowledge graph of the note files and folders in paths.
// It returns an error only when extraction as a whole cannot run; problems
// with single files are Diagnostics in the Result.
func Notes(paths []string, opts Options) (Result, error) {
	if opts.Rules == nil {
		opts.Rules = DefaultRules()
	}
	ins, diags := collect(paths)
	var g graph.Graph
	for i, in := range ins {
		g.Files = append(g.Files, in.name)
		_, ds, _ := load(in)
		diags = append(diags, ds...)
		if opts.Progress != nil {
			opts.Progress(i+1, len(ins))
		}
	}
	g.Normalize()
	sortDiagnostics(diags)
	return Result{Graph: g, Diagnostics: diags}, nil
}
