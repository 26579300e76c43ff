package viz

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/notegraph/notegraph/graph"
)

// gv guards the one Graphviz instance of the process. go-graphviz runs
// Graphviz compiled to WebAssembly in a single module instance: rendering
// from two goroutines at once races and then dies with a concurrent map
// write, so every use holds mu. The instance is made once because its first
// start compiles the module (about 0.7 s; later starts read a cache).
var gv struct {
	mu sync.Mutex
	g  *graphviz.Graphviz
}

// SVG returns g's map as an SVG document.
func SVG(ctx context.Context, g graph.Graph, opts Options) ([]byte, error) {
	v, err := newView(g, opts)
	if err != nil {
		return nil, err
	}
	return v.svg(ctx)
}

func (v view) svg(ctx context.Context) ([]byte, error) {
	return RenderDOT(ctx, v.dot(), v.Layout)
}

// RenderDOT lays out DOT source with layout and returns the SVG. It is
// exported for benchmarks and tools that build their own DOT.
func RenderDOT(ctx context.Context, dot []byte, layout Layout) ([]byte, error) {
	if layout == LayoutAuto {
		layout = LayoutDot
	}
	gv.mu.Lock()
	defer gv.mu.Unlock()
	if gv.g == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
		gv.g = g
	}
	parsed, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parse dot: %w", err)
	}
	defer parsed.Close()
	var buf bytes.Buffer
	if err := gv.g.SetLayout(graphviz.Layout(layout)).Render(ctx, parsed, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", layout, err)
	}
	return cleanSVG(buf.Bytes()), nil
}

// xmlComment matches the comments Graphviz writes (node and edge names,
// generator). They carry nothing a reader needs, and dropping them means
// no text from notes sits in a comment when the SVG is inlined in HTML.
var xmlComment = regexp.MustCompile(`(?s)<!--.*?-->\n?`)

func cleanSVG(svg []byte) []byte {
	return xmlComment.ReplaceAll(svg, nil)
}
