package viz

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// swatch is one legend entry's picture: a node type's shape or a
// relation type's line.
type swatch struct {
	node bool
	nodeStyle
	edgeStyle
}

// markerCell matches the box Graphviz draws for a swatch's marker cell
// (see swatchMarker): its fill names the swatch, its points the cell.
var markerCell = regexp.MustCompile(`<polygon fill="#fe([0-9a-f]{4})" stroke="none" points="([^"]*)"/>`)

// drawSwatches replaces each marker cell of svg with its swatch, so that
// the legend shows the real shape of every type (issue 12: all squares).
func drawSwatches(svg []byte, sw []swatch) []byte {
	return markerCell.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := markerCell.FindSubmatch(m)
		i, err := strconv.ParseInt(string(sub[1]), 16, 32)
		x0, y0, x1, y1, ok := bounds(string(sub[2]))
		if err != nil || int(i) >= len(sw) || !ok {
			return m
		}
		return []byte(sw[i].svg(x0+1, y0+1, x1-x0-2, y1-y0-2))
	})
}

// bounds returns the bounding box of an SVG points list.
func bounds(points string) (x0, y0, x1, y1 float64, ok bool) {
	first := true
	for _, p := range strings.Fields(points) {
		xs, ys, found := strings.Cut(p, ",")
		x, err1 := strconv.ParseFloat(xs, 64)
		y, err2 := strconv.ParseFloat(ys, 64)
		if !found || err1 != nil || err2 != nil {
			return 0, 0, 0, 0, false
		}
		if first {
			x0, y0, x1, y1, first = x, y, x, y, false
		}
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	return x0, y0, x1, y1, !first
}

// svg draws the swatch in the box at (x, y) of w × h points, as Graphviz
// draws the shape (the same outline, not its exact proportions).
func (s swatch) svg(x, y, w, h float64) string {
	if !s.node {
		width, dash := "2", ""
		switch s.edgeStyle.Style {
		case "bold":
			width = "3"
		case "dashed":
			dash = ` stroke-dasharray="5,3"`
		case "dotted":
			dash = ` stroke-dasharray="1.5,2.5"`
		}
		return fmt.Sprintf(`<path fill="none" stroke="%s" stroke-width="%s"%s d="M%s,%sH%s"/>`,
			s.Color, width, dash, num(x), num(y+h/2), num(x+w))
	}
	paint := fmt.Sprintf(`fill="%s" stroke="%s"`, s.Fill, s.Line)
	if strings.Contains(s.nodeStyle.Style, "dashed") {
		paint += ` stroke-dasharray="3,2"`
	}
	poly := func(pts ...float64) string {
		var b strings.Builder
		for i := 0; i+1 < len(pts); i += 2 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(x + pts[i]*w))
			b.WriteByte(',')
			b.WriteString(num(y + pts[i+1]*h))
		}
		return fmt.Sprintf(`<polygon %s points="%s"/>`, paint, b.String())
	}
	octagon := func(in float64) string {
		a, b := 0.25+in/w, 0.3+in/h // corner cuts
		i, j := in/w, in/h
		return poly(a, j, 1-a, j, 1-i, b, 1-i, 1-b, 1-a, 1-j, a, 1-j, i, 1-b, i, b)
	}
	switch s.Shape {
	case "box":
		r := ""
		if strings.Contains(s.nodeStyle.Style, "rounded") {
			r = ` rx="4"`
		}
		return fmt.Sprintf(`<rect %s%s x="%s" y="%s" width="%s" height="%s"/>`, paint, r, num(x), num(y), num(w), num(h))
	case "note":
		return poly(0, 0, 0.75, 0, 1, 0.35, 1, 1, 0, 1) +
			fmt.Sprintf(`<polyline fill="none" stroke="%s" points="%s,%s %s,%s %s,%s"/>`, s.Line,
				num(x+0.75*w), num(y), num(x+0.75*w), num(y+0.35*h), num(x+w), num(y+0.35*h))
	case "hexagon":
		return poly(0.22, 0, 0.78, 0, 1, 0.5, 0.78, 1, 0.22, 1, 0, 0.5)
	case "house":
		return poly(0, 0.4, 0.5, 0, 1, 0.4, 1, 1, 0, 1)
	case "doubleoctagon":
		return octagon(0) + octagon(2)
	case "tab":
		return poly(0, 0.25, 1, 0.25, 1, 1, 0, 1) + poly(0.08, 0, 0.4, 0, 0.4, 0.25, 0.08, 0.25)
	case "folder":
		return poly(0, 0, 0.35, 0, 0.45, 0.22, 1, 0.22, 1, 1, 0, 1)
	case "cds":
		return poly(0, 0, 0.78, 0, 1, 0.5, 0.78, 1, 0, 1)
	}
	return fmt.Sprintf(`<ellipse %s cx="%s" cy="%s" rx="%s" ry="%s"/>`, paint, num(x+w/2), num(y+h/2), num(w/2), num(h/2))
}
