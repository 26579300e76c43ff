package viz

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/notegraph/notegraph/graph"
)

// gv guards the one Graphviz instance of the process. go-graphviz runs
// Graphviz compiled to WebAssembly in a single module instance: rendering
// from two goroutines at once races and then dies with a concurrent map
// write, so every use holds mu. The instance is made once, on the first map:
// starting it compiles the module (about 0.7 s; later runs read the user's
// cache). graphviz.New starts the module, not program start (go-graphviz
// is patched for this in third_party/go-graphviz), so a command that draws
// nothing pays nothing, and a start that fails is an error, not a panic.
var gv struct {
	mu sync.Mutex
	g  *graphviz.Graphviz
}

// SVG returns g's map as an SVG document (see Draw).
func SVG(ctx context.Context, g graph.Graph, opts Options) ([]byte, error) {
	m, err := Draw(ctx, g, opts)
	if err != nil {
		return nil, err
	}
	return m.svg, nil
}

func (v view) svg(ctx context.Context) ([]byte, error) {
	svg, err := RenderDOT(ctx, v.dot(false), v.Layout)
	if err != nil {
		return nil, err
	}
	_, sw := v.legend()
	return drawSwatches(v.titled(svg), sw), nil
}

// objectTitle matches the <title> Graphviz writes first in each node and
// edge group (the DOT name, e.g. "person:kenneth&#45;reitz").
var objectTitle = regexp.MustCompile(`<g id="([ne])(\d+)" class="((?:node|edge)(?: [a-z]+)?)">\n<title>[^<]*</title>`)

// titled replaces each node's and edge's <title> with its tooltip: type,
// aliases, scores, evidence. Browsers show a group's <title> on hover.
func (v view) titled(svg []byte) []byte {
	index := map[string]int{}
	for i, n := range v.Nodes {
		index[n.ID] = i
	}
	return objectTitle.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := objectTitle.FindSubmatch(m)
		i, err := strconv.Atoi(string(sub[2]))
		var text string
		switch {
		case err != nil:
			return m
		case sub[1][0] == 'n' && i < len(v.Nodes):
			text = nodeTooltip(v.Nodes[i])
		case sub[1][0] == 'e' && i < len(v.Edges):
			text = edgeTooltip(v, index, v.Edges[i])
		default:
			return m
		}
		var b bytes.Buffer
		b.WriteString(`<g id="`)
		b.Write(sub[1])
		b.Write(sub[2])
		b.WriteString(`" class="`)
		b.Write(sub[3])
		b.WriteString("\">\n<title>")
		_ = xml.EscapeText(&b, []byte(text))
		b.WriteString("</title>")
		return b.Bytes()
	})
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

// svgFont is what Graphviz writes for Font. The SVG names the faces with
// Helvetica's widths that browsers have (macOS Helvetica, Windows Arial,
// Linux Liberation Sans or Arimo) before the generic fallback, whose
// wider faces (DejaVu Sans) could overflow label boxes.
const (
	svgFont     = `font-family="Helvetica,sans-Serif"`
	svgFontList = `font-family="Helvetica,Arial,Liberation Sans,Arimo,sans-serif"`
)

func cleanSVG(svg []byte) []byte {
	svg = xmlComment.ReplaceAll(svg, nil)
	return bytes.ReplaceAll(svg, []byte(svgFont), []byte(svgFontList))
}
