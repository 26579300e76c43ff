package viz

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"html"

	"github.com/notegraph/notegraph/graph"
)

// Community is one community of a graph, as Split returns it.
type Community struct {
	// Index numbers the communities from 1, largest first; the overview's
	// community node of the same number stands for it.
	Index int
	// Name lists its most central members, as the overview labels it.
	Name string
	// Graph holds the community's nodes and the relations among them.
	Graph graph.Graph
}

// Split returns each community of g of two or more nodes (from analysis,
// or the weakly connected components without it) as its own graph,
// largest first. Communities of one node are left out: on notes of 300
// meetups they were 300 of 321 maps, each a single Event (issue 12); the
// overview gathers them into its "other" node.
func Split(g graph.Graph) []Community {
	s, err := newSource(g, Options{})
	if err != nil {
		return nil // the zero Options are valid
	}
	ov := s.overview()
	var out []Community
	for _, m := range communities(s.g) {
		if len(m) < 2 {
			continue
		}
		keep := map[string]bool{}
		for _, i := range m {
			keep[s.g.Nodes[i].ID] = true
		}
		index := len(out) + 1
		sub := subgraph(s.g, keep)
		sub.Title = fmt.Sprintf("%s — community %d", cmp.Or(s.g.Title, "notegraph"), index)
		out = append(out, Community{Index: index, Name: ov.Nodes[index-1].Name, Graph: sub})
	}
	return out
}

// Index draws the index of a split: the overview of g (see Options.Overview)
// with each community's node linking to href(Index), as an SVG, and a page
// with that map and the list of communities, each a link. parts is what
// Split(g) returned. The page has no script; its text is escaped.
func Index(ctx context.Context, g graph.Graph, opts Options, parts []Community, href func(index int) string) (svg, page []byte, err error) {
	opts.Overview = true
	s, err := newSource(g, opts)
	if err != nil {
		return nil, nil, err
	}
	v := s.overview()
	for i := range v.Nodes {
		for _, p := range parts {
			if v.Nodes[i].ID == communityID(p.Index) {
				v.Nodes[i].Href = href(p.Index)
			}
		}
	}
	if svg, err = v.svg(ctx); err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	w := writer(&b)
	title := html.EscapeString(v.Title)
	pageHead(w, title+" — communities", "", indexCSS)
	w("<h1>", title, "</h1>\n<p>", html.EscapeString(v.Subtitle), "</p>\n<ol id=\"communities\">\n")
	for _, p := range parts {
		w(`<li><a href="`, html.EscapeString(href(p.Index)), `">community `, fmt.Sprint(p.Index), "</a> · ",
			thousands(len(p.Graph.Nodes)), " nodes · ", html.EscapeString(p.Name), "</li>\n")
	}
	w("</ol>\n<div id=\"map\">", string(inlineSVG(svg)), "</div>\n</body>\n</html>\n")
	return svg, b.Bytes(), nil
}

const indexCSS = `
body { font: 14px/1.45 Helvetica, Arial, "Liberation Sans", sans-serif; color: #222; margin: 16px 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
p { color: #666; margin: 0 0 10px; }
ol { columns: 2 420px; padding-left: 28px; }
li { margin: 2px 0; break-inside: avoid; }
a { color: #1f5fa8; }
#map svg { max-width: 100%; height: auto; }
`
