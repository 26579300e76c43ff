package viz

import (
	"bytes"
	"cmp"
	"context"
	"regexp"
	"strconv"

	"github.com/notegraph/notegraph/graph"
)

// Legibility: the default map is readable at ScreenWidth pixels wide, a
// browser window showing the SVG fitted to its width. Graphviz writes the
// SVG in points, one viewBox unit per point, so text of minFontPt points
// is minFontPt × ScreenWidth / width pixels high: the drawing may be at
// most maxWidth points wide.
const (
	// ScreenWidth is the width, in CSS pixels, the default map is made for.
	ScreenWidth = 1600
	// MinLabelPx is the smallest font size, in pixels at ScreenWidth, of
	// any text on the default map. Its text box, which the browser test
	// measures, is about 1.15 times that.
	MinLabelPx = 9
	// minFontPt is the smallest text the map writes: the labels of the
	// least central nodes and of edges.
	minFontPt = 10
	maxWidth  = float64(ScreenWidth) * minFontPt / MinLabelPx
)

// How the default map finds its size. The first try is the whole graph up
// to ReadableNodes; a try too wide or too tall is laid out again with
// fewer nodes, as many fewer as the size says (width grows with the
// square root of the nodes when components are packed side by side,
// height with the nodes in dot's left-to-right columns), at least a tenth
// fewer each time and at most half (a first try of 150 nodes has too many
// relations for dot, and sfdp's drawing of it is ten times too wide).
// maxHeight keeps a map within two and a half screens at the
// smallest legible scale, maxAspect within about three screens when shown
// at ScreenWidth: dot draws person → talk → topics in three columns 700
// points wide, and 75 nodes of them were 2,000 points tall. The example
// notes, whole, are 1,590 × 3,445 points in one column (121 nodes); at an
// aspect of 2 they were cut to 78 nodes and lost their central topic.
const (
	minFitNodes = 12
	maxFitTries = 8
	maxAspect   = 2.5
	maxHeight   = maxAspect * maxWidth
)

// packModes are the ways fit packs a map's components with dot, tried in
// turn for maps of several components: side by side as near a square as
// can be (the default), two columns, one column. The example notes'
// components need two columns to fit maxWidth (2,093 × 2,088 points
// packed, 1,731 × 2,573 in two columns, 1,182 × 3,225 in one).
var packModes = []string{"", "array_c2", packColumn}

// packColumn is dot without pack: components in one column, ranks aligned.
const packColumn = "column"

// Map is a graph drawn: the view chosen and its SVG. One Map gives every
// format, so that SVG, HTML, PNG and DOT of one render agree.
type Map struct {
	v   view
	svg []byte
}

// Draw lays out g's map as opts say. Without Top, Overview or Full the map
// is the most of g whose smallest labels are legible at ScreenWidth: the
// whole graph when it fits, else the most central people and what they
// cover (see focus); nodes without relations are gathered into one
// "other" node. The result is deterministic for a given g and opts.
func Draw(ctx context.Context, g graph.Graph, opts Options) (*Map, error) {
	s, err := newSource(g, opts)
	if err != nil {
		return nil, err
	}
	var v view
	switch {
	case opts.Overview:
		v = s.overview()
	case opts.Top > 0:
		v = s.focused(opts.Top, DrawnTop)
	case opts.Full:
		v = s.focused(cmp.Or(opts.MaxNodes, DefaultMaxNodes), DrawnAll)
	default:
		return s.fit(ctx)
	}
	svg, err := v.svg(ctx)
	if err != nil {
		return nil, err
	}
	return &Map{v: v, svg: svg}, nil
}

// fit lays out ever smaller maps of s until one is at most maxWidth wide.
func (s source) fit(ctx context.Context) (*Map, error) {
	total := len(s.g.Nodes)
	n := min(total, ReadableNodes, cmp.Or(s.opts.MaxNodes, DefaultMaxNodes))
	for try := 1; ; try++ {
		v := s.focused(n, DrawnAll)
		v.Drawn.Reduced = n < total
		if v.Layout == LayoutSfdp && s.opts.Layout == LayoutAuto && n/2 >= minFitNodes && try < maxFitTries {
			// Too many relations for dot: sfdp's drawing would be ten
			// times too wide (17,000 points for 150 nodes of generated
			// notes), and its layout, in-process, depends on the ones
			// before it. Halve without laying out.
			n /= 2
			continue
		}
		modes := []string{""}
		if v.Layout == LayoutDot && !v.Cluster && severalComponents(v) {
			modes = packModes
		}
		var svg []byte
		var w, h float64
		for _, mode := range modes {
			v.Pack = mode
			var err error
			if svg, err = v.svg(ctx); err != nil {
				return nil, err
			}
			if w, h = svgSize(svg); w <= maxWidth && h <= min(maxHeight, maxAspect*w) {
				return &Map{v: v, svg: svg}, nil
			}
		}
		if n <= minFitNodes || try == maxFitTries {
			return &Map{v: v, svg: svg}, nil
		}
		shrink := 0.9
		if w > maxWidth {
			shrink = min(shrink, (maxWidth/w)*(maxWidth/w))
		}
		if limit := min(maxHeight, maxAspect*w); h > limit {
			shrink = min(shrink, limit/h)
		}
		n = max(minFitNodes, int(float64(n)*max(0.5, shrink)))
	}
}

// severalComponents reports whether v falls into unconnected parts.
func severalComponents(v view) bool {
	for _, c := range components(viewGraph(v)) {
		if c != 0 { // each node is labelled by its component's first node
			return true
		}
	}
	return false
}

// viewGraph is v's nodes and edges as a graph.
func viewGraph(v view) graph.Graph {
	g := graph.Graph{}
	for _, n := range v.Nodes {
		g.Nodes = append(g.Nodes, graph.Node{ID: n.ID})
	}
	for _, e := range v.Edges {
		g.Edges = append(g.Edges, graph.Edge{Source: e.Source, Target: e.Target})
	}
	return g
}

// viewBox matches the drawing's size in the SVG Graphviz writes.
var viewBox = regexp.MustCompile(`viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"`)

// svgSize returns the drawing's width and height in points (0 if svg has
// no viewBox).
func svgSize(svg []byte) (w, h float64) {
	m := viewBox.FindSubmatch(svg[:min(len(svg), 1024)])
	if m == nil {
		return 0, 0
	}
	w, _ = strconv.ParseFloat(string(m[1]), 64)
	h, _ = strconv.ParseFloat(string(m[2]), 64)
	return w, h
}

// Drawn says what the map shows of its graph.
func (m *Map) Drawn() Drawn { return m.v.Drawn }

// SVG returns the map as an SVG document.
func (m *Map) SVG() []byte { return bytes.Clone(m.svg) }

// DOT returns the Graphviz source of the map, with tooltips.
func (m *Map) DOT() []byte { return m.v.dot(true) }

// PNG returns the map rasterized at PNGScale.
func (m *Map) PNG() ([]byte, error) { return RasterizeSVG(m.svg, PNGScale) }
