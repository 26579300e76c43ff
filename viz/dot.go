package viz

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// Font is the font the map asks for. Graphviz here has no fonts and sizes
// labels from built-in metrics; it knows Helvetica's, and the SVG names the
// metric-compatible faces browsers have (Arial, Liberation Sans, Arimo)
// before the generic fallback. TestBrowserLabelsFit measures the fit.
const Font = "Helvetica"

// DOT returns the Graphviz source of g's map (see Draw: the default map is
// chosen by laying it out). It is deterministic: the same graph and
// options give the same bytes.
func DOT(g graph.Graph, opts Options) ([]byte, error) {
	m, err := Draw(context.Background(), g, opts)
	if err != nil {
		return nil, err
	}
	return m.DOT(), nil
}

// dot writes the map's DOT source. With tooltips, nodes and edges carry
// tooltip attributes; the SVG path leaves them out and puts the same text in
// each element's <title> afterwards (see titled), because Graphviz computes
// an image-map area for every object with a tooltip, which doubled the
// layout time of a 1,000-node map.
func (v view) dot(tooltips bool) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("digraph notegraph {\n")
	w("\tgraph [charset=\"UTF-8\" fontname=%s bgcolor=\"white\" pad=\"0.3\" outputorder=\"edgesfirst\"\n", quote(Font))
	legend, _ := v.legend()
	// forcelabels=false: Graphviz leaves out an edge's label that it cannot
	// place without covering a node or another label; the edge's tooltip
	// and the page's panel still name its relations.
	w("\t\tlabelloc=\"t\" labeljust=\"l\" forcelabels=\"false\" label=<%s>\n", legend)
	switch v.Layout {
	case LayoutDot:
		// nslimit and mclimit bound the network simplex and crossing
		// minimisation passes, which otherwise run for minutes on dense graphs;
		// pack lays the components out side by side instead of in one tall
		// column; fit picks its mode (see packModes).
		w("\t\trankdir=\"LR\" nodesep=\"0.18\" ranksep=\"0.9\" newrank=\"true\" nslimit=\"20\" mclimit=\"2\"")
		switch {
		case v.Cluster:
			// pack with clusters ran for more than 10 minutes on the seed.
		case v.Pack == packColumn:
		case v.Pack != "":
			w(" pack=\"true\" packmode=%s", quote(v.Pack))
		default:
			w(" pack=\"true\"")
		}
		w("]\n")
	// Overlaps are removed by scaling: the WebAssembly Graphviz's prism
	// (the default method) and voronoi drop nodes from the drawing (4 of
	// the seed's 115 with sfdp).
	case LayoutSfdp:
		w("\t\tstart=\"1\" overlap=\"scale\" splines=\"false\" sep=\"+4\"]\n")
	case LayoutFdp, LayoutNeato:
		w("\t\tstart=\"1\" overlap=\"scale\" splines=\"true\" sep=\"+6\"]\n")
	default:
		w("\t\tstart=\"1\" overlap=\"scale\" splines=\"true\"]\n")
	}
	w("\tnode [fontname=%s fontsize=\"11\" margin=\"0.14,0.06\" penwidth=\"1.2\" height=\"0.3\"]\n", quote(Font))
	font := cmp.Or(v.Font, minFontPt)
	w("\tedge [fontname=%s fontsize=\"%s\" arrowsize=\"0.6\" penwidth=\"1.2\"]\n", quote(Font), num(font))

	index := map[string]int{}
	for i, n := range v.Nodes {
		index[n.ID] = i
	}
	writeNode := func(indent string, i int) {
		n := v.Nodes[i]
		s := styleOf(n.Type)
		w("%s%s [id=\"n%d\" label=%s shape=%s style=%s fillcolor=%s color=%s fontsize=\"%s\" penwidth=\"%s\"",
			indent, quote(n.ID), i, quote(wrap(n.Name, 28)), quote(s.Shape), quote(s.Style), quote(s.Fill), quote(s.Line),
			num(font+10*n.Weight), num(1+1.5*n.Weight))
		if tooltips {
			w(" tooltip=%s", quote(nodeTooltip(n)))
		}
		if u := safeURL(n.Props["url"]); u != "" {
			w(" URL=%s target=\"_blank\"", quote(u))
		} else if n.Href != "" {
			w(" URL=%s", quote(n.Href))
		}
		if n.Type == otherType {
			w(" class=\"other\"")
		}
		w("]\n")
	}
	if v.Cluster {
		groups := map[int][]int{}
		var loose []int
		for i, n := range v.Nodes {
			if n.Community == nil {
				loose = append(loose, i)
				continue
			}
			groups[*n.Community] = append(groups[*n.Community], i)
		}
		for _, c := range slices.Sorted(maps.Keys(groups)) {
			w("\tsubgraph \"cluster_%d\" {\n\t\tlabel=\"community %d\" style=\"rounded,filled\" fillcolor=\"#f7f7f7\" color=\"#cccccc\" fontsize=\"10\" fontcolor=\"#777777\"\n", c, c)
			for _, i := range groups[c] {
				writeNode("\t\t", i)
			}
			w("\t}\n")
		}
		for _, i := range loose {
			writeNode("\t", i)
		}
	} else {
		for i := range v.Nodes {
			writeNode("\t", i)
		}
	}
	// Edges carry no labels of their own: in dot each label became a node
	// of its own rank that floated away from its edge (issue 12), and the
	// colours of the legend tell the relations apart. A label is kept
	// where colour cannot say it: relations merged into one edge, and the
	// overview's counts.
	for i, e := range v.Edges {
		s := edgeStyleOf(e.Type)
		colors := make([]string, len(e.Types))
		for k, t := range e.Types {
			colors[k] = edgeStyleOf(t).Color
		}
		w("\t%s -> %s [id=\"e%d\" color=%s style=%s", quote(e.Source), quote(e.Target), i, quote(strings.Join(colors, ":")), quote(s.Style))
		if tooltips {
			w(" tooltip=%s", quote(edgeTooltip(v, index, e)))
		}
		switch {
		case e.Type == linkedType:
			w(" dir=\"none\" penwidth=\"%s\" xlabel=\"%d\"", num(1+float64(bitLen(e.Count))), e.Count)
		case len(e.Types) > 1:
			w(" xlabel=%s fontcolor=\"#555555\"", quote(typesLabel(e.Types)))
		}
		if e.Reverse {
			w(" dir=\"both\"")
		}
		if v.Layout == LayoutDot && peerRelation[e.Type] {
			w(" constraint=\"false\"")
		}
		w("]\n")
	}
	w("}\n")
	return b.Bytes()
}

// peerRelation marks the relations between things of one kind. dot ranks
// nodes along every edge; along these it made chains of tools seven ranks
// wide on generated notes (3,900 points for 60 nodes, 750 without, and a
// tenth of the time), when what reads left to right is person → talk →
// what it covers.
var peerRelation = map[string]bool{graph.RelatedTo: true, graph.SimilarTo: true, graph.Uses: true}

// nodeTooltip says what a node is: type, aliases, scores, where it is stated.
func nodeTooltip(n vnode) string {
	lines := []string{n.Type + ": " + n.Name}
	if n.Members > 0 {
		lines = append(lines, fmt.Sprintf("%d members", n.Members))
		if len(n.Aliases) > 0 {
			lines = append(lines, "top: "+strings.Join(n.Aliases[:min(10, len(n.Aliases))], ", "))
		}
		return clip(strings.Join(lines, "\n"), 1000)
	}
	if len(n.Aliases) > 0 {
		lines = append(lines, "aka "+strings.Join(n.Aliases, ", "))
	}
	var scores []string
	for _, k := range slices.Sorted(maps.Keys(n.Scores)) {
		scores = append(scores, k+" "+strconv.FormatFloat(n.Scores[k], 'g', 3, 64))
	}
	if len(scores) == 0 {
		scores = append(scores, "degree "+num(n.Measure))
	}
	lines = append(lines, strings.Join(scores, " · "))
	for _, ev := range n.Evidence[:min(3, len(n.Evidence))] {
		lines = append(lines, evidenceLine(ev))
	}
	if len(n.Evidence) > 3 {
		lines = append(lines, fmt.Sprintf("… %d more", len(n.Evidence)-3))
	}
	return clip(strings.Join(lines, "\n"), 1000)
}

// edgeTooltip says what a relation is and the line that states it.
func edgeTooltip(v view, index map[string]int, e vedge) string {
	src, dst := v.Nodes[index[e.Source]].Name, v.Nodes[index[e.Target]].Name
	if e.Type == linkedType {
		return fmt.Sprintf("%d relations between %s and %s", e.Count, src, dst)
	}
	lines := []string{src + " " + strings.Join(e.Types, ", ") + " " + dst}
	for _, ev := range e.Evidence[:min(3, len(e.Evidence))] {
		lines = append(lines, evidenceLine(ev))
	}
	if len(e.Evidence) > 3 {
		lines = append(lines, fmt.Sprintf("… %d more", len(e.Evidence)-3))
	}
	return clip(strings.Join(lines, "\n"), 1000)
}

func evidenceLine(ev graph.Evidence) string {
	return fmt.Sprintf("%s:%d: %s", ev.File, ev.Line, clip(strings.TrimSpace(ev.Text), 160))
}

// clip shortens s to at most n runes, ending it with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wrap breaks s into lines of about width runes at spaces.
func wrap(s string, width int) string {
	s = clip(s, 4*width)
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		if cur != "" && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return strings.Join(lines, "\n")
}

// quote returns s as a DOT double-quoted string. Backslashes are doubled so
// that text from notes never forms a Graphviz escape (\N, \G, \l, …); a
// newline becomes Graphviz's \n line break.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(xmlChar(r))
		}
	}
	b.WriteByte('"')
	return b.String()
}

// xmlChar returns r, or U+FFFD when r cannot appear in XML (control
// characters, surrogates, U+FFFE/U+FFFF): Graphviz copies text to the SVG
// as it is, and one such character would make the SVG unreadable.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r',
		r >= 0x20 && r <= 0xD7FF,
		r >= 0xE000 && r <= 0xFFFD,
		r >= 0x10000 && r <= 0x10FFFF:
		return r
	}
	return '\uFFFD'
}

// htmlEscape escapes s for a Graphviz HTML-like label.
func htmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(xmlChar(r))
		}
	}
	return b.String()
}

// safeURL returns u when it is an http or https URL, else "": a map never
// links to javascript:, data: or file: URLs taken from notes.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		if strings.ContainsAny(u, " \n\r\t\"<>\\") {
			return ""
		}
		return u
	}
	return ""
}

// num formats f for DOT with at most two decimals.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

func bitLen(n int) int {
	l := 0
	for n > 0 {
		l++
		n >>= 1
	}
	return l
}
