package viz

import (
	"fmt"
	"slices"
)

// Layout names a Graphviz layout engine.
type Layout string

// The layouts a map can use. LayoutAuto picks dot for small graphs and sfdp
// above DotMaxNodes nodes or DotMaxEdges edges.
const (
	LayoutAuto  Layout = ""
	LayoutDot   Layout = "dot"
	LayoutNeato Layout = "neato"
	LayoutFdp   Layout = "fdp"
	LayoutSfdp  Layout = "sfdp"
	LayoutCirco Layout = "circo"
	LayoutTwopi Layout = "twopi"
)

// Layouts lists the layouts Options.Layout accepts, LayoutAuto excluded.
var Layouts = []Layout{LayoutDot, LayoutNeato, LayoutFdp, LayoutSfdp, LayoutCirco, LayoutTwopi}

// Sizes that decide the defaults.
const (
	// DotMaxNodes and DotMaxEdges bound the graphs LayoutAuto lays out with
	// dot: dot's crossing minimisation grows fast (0.8 s at 100 random
	// nodes, minutes at 500), sfdp stays near-linear.
	DotMaxNodes = 200
	DotMaxEdges = 400
	// ReadableNodes is the most nodes the default map tries. Unless
	// Options.Top, Overview or Full say otherwise, the map is the whole
	// graph up to this size when its labels stay legible at ScreenWidth,
	// else fewer nodes, as fit measures (see Draw). 150 nodes laid out
	// with dot are about 2,500 points wide, 60 fit in 1,778.
	ReadableNodes = 150
	// DefaultMaxNodes caps the nodes handed to Graphviz even with Full:
	// the WebAssembly Graphviz ignores deadlines and never gives memory
	// back, so the size is bounded before layout.
	DefaultMaxNodes = 5000
)

// Measures Options.SizeBy accepts. Scores come from graph.Analyze; a node
// without the score falls back to its degree counted from the edges.
const (
	SizeByPageRank    = "pagerank"
	SizeByBetweenness = "betweenness"
	SizeByDegree      = "degree"
)

// SizeBys lists the measures Options.SizeBy accepts.
var SizeBys = []string{SizeByPageRank, SizeByBetweenness, SizeByDegree}

// Options configure a map. The zero value draws the most of the graph that
// stays legible at ScreenWidth (see Draw) with the layout chosen by size,
// nodes sized by PageRank (or degree without scores).
type Options struct {
	// Layout is the Graphviz layout; LayoutAuto chooses by size.
	Layout Layout
	// SizeBy is the measure that sizes nodes and ranks them for Top:
	// SizeByPageRank (default), SizeByBetweenness or SizeByDegree.
	SizeBy string
	// Cluster draws each community (Node.Community) in its own box.
	// Graphviz draws boxes with dot and fdp; sfdp and the others ignore them.
	Cluster bool
	// Top keeps only Top nodes when > 0: the most central people (by
	// SizeBy) and what they cover (see focus).
	Top int
	// Overview draws one node per community, sized by its members and
	// labelled by its most central members.
	Overview bool
	// Full turns off the automatic reduction to a legible map.
	Full bool
	// MaxNodes caps the nodes laid out; 0 means DefaultMaxNodes.
	MaxNodes int
	// Title replaces the graph's own title in the map's heading.
	Title string
}

func (o Options) validate() error {
	if o.Layout != LayoutAuto && !slices.Contains(Layouts, o.Layout) {
		return fmt.Errorf("unknown layout %q (want one of %v)", o.Layout, Layouts)
	}
	if o.SizeBy != "" && !slices.Contains(SizeBys, o.SizeBy) {
		return fmt.Errorf("unknown size measure %q (want one of %v)", o.SizeBy, SizeBys)
	}
	if o.Top < 0 || o.MaxNodes < 0 {
		return fmt.Errorf("negative node count")
	}
	return nil
}
