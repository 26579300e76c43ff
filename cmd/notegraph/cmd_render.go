package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/graph"
	"github.com/notegraph/notegraph/viz"
)

func init() { subcommands = append(subcommands, newRenderCmd) }

type renderOptions struct {
	extractFlags
	output   string
	format   string
	layout   string
	sizeBy   string
	cluster  bool
	top      int
	overview bool
	full     bool
	split    string
}

// renderFormats are the --format values; the first is the default.
var renderFormats = []string{"svg", "png", "dot", "html"}

func newRenderCmd() *cobra.Command {
	var o renderOptions
	cmd := &cobra.Command{
		Use:   "render NOTES|graph.json -o map.svg",
		Short: "Draw the graph as a map (SVG, PNG, DOT or interactive HTML)",
		Long: fmt.Sprintf(`Render draws the knowledge graph as a map: colour and shape by node type,
size by a centrality measure, edges styled by relation type, a legend, and
tooltips with each node's aliases and scores and each relation's evidence
(file:line text). Graphviz is built in (no system Graphviz needed).

The format comes from --format, else from the -o extension (.svg, .png,
.dot/.gv, .html); -o with another extension needs --format, and an
extension that names another format than --format is refused. HTML is one self-contained page (no network requests): the
map with pan and zoom, a search box, and a click on a node lists its
relations with their evidence.

Size: the default map is the most of the graph that stays readable at
%d px wide (every label at least %d px): the whole graph when it fits,
else the most central people and what they cover ("top 60 of 1,998
nodes"), laid out with dot up to %d nodes and sfdp above. Nodes without
relations are gathered into one "other" group. --full draws everything
(capped at %d nodes), --top N keeps N nodes chosen the same way,
--overview draws one node per community and the strongest links between
them, --split-communities DIR writes one map per community of two or more
nodes and an index page linking them. The summary on stderr says what was
drawn.`, viz.ScreenWidth, viz.MinLabelPx, viz.DotMaxNodes, viz.DefaultMaxNodes),
		Example: `  notegraph render notes/ -o map.svg
  notegraph render graph.json -o map.html
  notegraph render graph.json -o map.png --size-by betweenness --cluster
  notegraph render vault/ -o overview.svg --overview --split-communities maps/`,
		Args: cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return o.check(args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd.Context(), o, args)
		},
	}
	o.register(cmd)
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write the map to `FILE` (- for stdout; required)")
	f.StringVar(&o.format, "format", "", "output format: svg, png, dot or html (default: from the -o extension, else svg)")
	f.StringVar(&o.layout, "layout", "", "Graphviz layout: dot, neato, fdp, sfdp, circo or twopi (default: by size)")
	f.StringVar(&o.sizeBy, "size-by", viz.SizeByPageRank, "size nodes by pagerank, betweenness or degree")
	f.BoolVar(&o.cluster, "cluster", false, "draw each community in a box (dot and fdp layouts)")
	f.IntVar(&o.top, "top", 0, "keep only the `N` most central nodes")
	f.BoolVar(&o.overview, "overview", false, "draw one node per community")
	f.BoolVar(&o.full, "full", false, "draw every node even above the readable size")
	f.StringVar(&o.split, "split-communities", "", "also write one map per community into `DIR`")
	return cmd
}

// formatFor returns the format named by flag, else the one -o's extension
// names; stdout without --format is SVG.
func formatFor(flag, output string) (string, error) {
	f := extFormat(output)
	if flag != "" {
		if err := oneOf("format", flag, renderFormats); err != nil {
			return "", err
		}
		if f != "" && f != flag {
			return "", usagef("-o %s names %s, but --format is %s", output, f, flag)
		}
		return flag, nil
	}
	if output == "-" {
		return renderFormats[0], nil
	}
	if f == "" {
		return "", usagef("-o %s: cannot tell the format; use an extension (.svg, .png, .dot, .gv, .html) or --format", output)
	}
	if !slices.Contains(renderFormats, f) {
		return "", usagef("-o %s: render cannot write %s; it writes %s", output, f, orList(renderFormats))
	}
	return f, nil
}

// check validates the flags and the paths before any work, and resolves
// o.format.
func (o *renderOptions) check(args []string) error {
	if o.output == "" {
		return usagef("render needs -o FILE (or -o - for stdout)")
	}
	if err := checkOutputFile(o.output, ""); err != nil {
		return err
	}
	format, err := formatFor(o.format, o.output)
	if err != nil {
		return err
	}
	o.format = format
	if o.layout != "" {
		if err := oneOf("layout", viz.Layout(o.layout), viz.Layouts); err != nil {
			return err
		}
	}
	if err := oneOf("size-by", o.sizeBy, viz.SizeBys); err != nil {
		return err
	}
	if o.top < 0 {
		return usagef("--top %d: want 0 or more", o.top)
	}
	if o.split != "" {
		if info, err := os.Stat(o.split); err == nil && !info.IsDir() {
			return usagef("--split-communities %s is a file; give a folder", o.split)
		}
	}
	return checkInputs(args)
}

// runRender draws the map; o has passed check.
func runRender(ctx context.Context, o renderOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	format := o.format
	opts := viz.Options{
		Layout:   viz.Layout(o.layout),
		SizeBy:   o.sizeBy,
		Cluster:  o.cluster,
		Top:      o.top,
		Overview: o.overview,
		Full:     o.full,
	}
	g, err := loadAnalyzedGraph(args, o.extractFlags)
	if err != nil {
		return err
	}
	out, drawn, err := renderAs(ctx, format, g, opts)
	if err != nil {
		return err
	}
	if err := writeOutput(o.output, func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	}); err != nil {
		return err
	}
	if !globals.quiet && o.output != "-" {
		// Say what was drawn: a reduced map must not pass for the whole graph.
		fmt.Fprintf(os.Stderr, "notegraph: wrote %s: %s\n", o.output, drawn)
	}
	if o.split == "" {
		return nil
	}
	parts := viz.Split(g)
	width := len(fmt.Sprint(len(parts)))
	href := func(index int) string { return fmt.Sprintf("community-%0*d.%s", width, index, format) }
	for _, p := range parts {
		out, _, err := renderAs(ctx, format, p.Graph, viz.Options{Layout: opts.Layout, SizeBy: opts.SizeBy, Top: opts.Top, Full: opts.Full})
		if err != nil {
			return fmt.Errorf("community %d: %w", p.Index, err)
		}
		if err := writeFile(filepath.Join(o.split, href(p.Index)), out); err != nil {
			return err
		}
	}
	// The index: the overview with each community linking to its map,
	// and a page listing them.
	svg, page, err := viz.Index(ctx, g, viz.Options{SizeBy: opts.SizeBy}, parts, href)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for name, data := range map[string][]byte{"index.svg": svg, "index.html": page} {
		if err := writeFile(filepath.Join(o.split, name), data); err != nil {
			return err
		}
	}
	if !globals.quiet {
		fmt.Fprintf(os.Stderr, "notegraph: wrote %d community maps (communities of one node left out) and %s\n",
			len(parts), filepath.Join(o.split, "index.html"))
	}
	return nil
}

func writeFile(name string, data []byte) error {
	return writeOutput(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// renderAs draws g in format and says what the map shows.
func renderAs(ctx context.Context, format string, g graph.Graph, opts viz.Options) ([]byte, viz.Drawn, error) {
	m, err := viz.Draw(ctx, g, opts)
	if err != nil {
		return nil, viz.Drawn{}, err
	}
	var out []byte
	switch format {
	case "dot":
		out = m.DOT()
	case "png":
		out, err = m.PNG()
	case "html":
		out, err = m.HTML()
	default:
		out = m.SVG()
	}
	return out, m.Drawn(), err
}
