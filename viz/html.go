package viz

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

//go:embed page/map.js
var pageJS string

//go:embed page/map.css
var pageCSS string

// HTML returns g's map as one self-contained page: the SVG inline with pan
// and zoom, a search box, and a panel listing a clicked node's relations
// with their evidence. The page loads nothing from the network; its Content
// Security Policy allows no requests and no script but its own (by hash),
// so text from notes cannot run even if it were ever mis-escaped.
func HTML(ctx context.Context, g graph.Graph, opts Options) ([]byte, error) {
	m, err := Draw(ctx, g, opts)
	if err != nil {
		return nil, err
	}
	return m.HTML()
}

// HTML returns the map as an interactive page (see the function HTML).
func (m *Map) HTML() ([]byte, error) {
	v, svg := m.v, m.svg
	data, err := pageData(v)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	w := writer(&b)
	title := html.EscapeString(v.Title)
	pageHead(w, title, "script-src '"+hash(pageJS)+"'", pageCSS)
	w("<header><h1>", title, "</h1><span class=\"counts\">", html.EscapeString(v.Subtitle), "</span>\n")
	w(`<input id="search" type="search" placeholder="Search names and aliases" autocomplete="off" aria-label="Search">`)
	w(`<div id="types" aria-label="Show types"></div>`)
	w(`<button id="zoom-in" type="button" title="Zoom in">+</button><button id="zoom-out" type="button" title="Zoom out">−</button><button id="zoom-reset" type="button" title="Fit">Fit</button></header>`, "\n")
	w("<main id=\"map\">\n", string(inlineSVG(svg)), "</main>\n")
	w("<aside id=\"panel\" aria-live=\"polite\"></aside>\n")
	w("<script type=\"application/json\" id=\"graph-data\">", string(data), "</script>\n")
	w("<script>", pageJS, "</script>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

// writer returns a function that appends its strings to b.
func writer(b *bytes.Buffer) func(...string) {
	return func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
}

// pageHead writes a page's head, up to <body>: its Content Security Policy
// allows no requests, and scripts only as script says ("" for none).
// title is escaped HTML.
func pageHead(w func(...string), title, script, css string) {
	if script != "" {
		script = "; " + script
	}
	w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	w(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; style-src 'unsafe-inline'`, script, `">`, "\n")
	w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w("<meta name=\"generator\" content=\"notegraph\">\n")
	w("<title>", title, "</title>\n<style>\n", css, "</style>\n</head>\n<body>\n")
}

// hash returns the CSP source expression for an inline script.
func hash(script string) string {
	sum := sha256.Sum256([]byte(script))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// svgProlog matches what precedes the <svg> element in Graphviz output (XML
// declaration, doctype), which has no place inside HTML.
var svgProlog = regexp.MustCompile(`(?s)\A.*?(<svg\b)`)

func inlineSVG(svg []byte) []byte {
	return svgProlog.ReplaceAll(svg, []byte("$1"))
}

// The page's data: node i is SVG element "n<i>", edge j is "e<j>".
type pageNode struct {
	ID        string             `json:"id"`
	Type      string             `json:"type"`
	Name      string             `json:"name"`
	Aliases   []string           `json:"aliases"`
	Scores    map[string]float64 `json:"scores,omitempty"`
	Community *int               `json:"community,omitempty"`
	URL       string             `json:"url,omitempty"`
	Evidence  []graph.Evidence   `json:"evidence"`
}

type pageEdge struct {
	Source   int              `json:"source"`
	Target   int              `json:"target"`
	Type     string           `json:"type"`
	Count    int              `json:"count,omitempty"`
	Evidence []graph.Evidence `json:"evidence"`
}

type pageGraph struct {
	Title string     `json:"title"`
	Nodes []pageNode `json:"nodes"`
	Edges []pageEdge `json:"edges"`
}

// pageData encodes v for the page's <script type="application/json">.
// encoding/json escapes <, >, & and U+2028/U+2029 as \u sequences, so
// neither "</script>" nor "<!--" can occur in it; the test checks.
func pageData(v view) ([]byte, error) {
	pg := pageGraph{Title: v.Title, Nodes: []pageNode{}, Edges: []pageEdge{}}
	index := map[string]int{}
	for i, n := range v.Nodes {
		index[n.ID] = i
		pg.Nodes = append(pg.Nodes, pageNode{
			ID: n.ID, Type: n.Type, Name: n.Name, Aliases: n.Aliases, Scores: n.Scores,
			Community: n.Community, URL: safeURL(n.Props["url"]), Evidence: n.Evidence,
		})
	}
	for _, e := range v.Edges {
		c := 0
		if e.Type == linkedType {
			c = e.Count
		}
		pg.Edges = append(pg.Edges, pageEdge{Source: index[e.Source], Target: index[e.Target], Type: strings.Join(e.Types, " · "),
			Count: c, Evidence: e.Evidence})
	}
	out, err := json.Marshal(pg)
	if err != nil {
		return nil, fmt.Errorf("encode page data: %w", err)
	}
	return out, nil
}
