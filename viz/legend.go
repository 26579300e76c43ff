package viz

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// legendPerRow is how many entries one row of the legend holds: the legend
// is part of the drawing's width, and a row of a dozen relation types was
// wider than a map of 60 nodes (seven are about 1,000 points).
const legendPerRow = 7

// Swatch cells. Graphviz's HTML-like labels draw only boxes, so each
// swatch is an empty cell filled with a marker colour that nothing else
// uses; swatches replaces the marker's box with the type's real shape (or
// the relation's line) after layout. The cell sizes are what the shapes
// are drawn in.
const (
	swatchW = 26
	swatchH = 16
)

// swatchMarker is the fill of swatch i's cell.
func swatchMarker(i int) string { return fmt.Sprintf("#fe%04x", i) }

// legend is the map's heading as a Graphviz HTML-like label: title,
// subtitle, and one swatch per node type and relation type present. It
// returns the swatches in marker order for swatches to draw.
func (v view) legend() (string, []swatch) {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">`)
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="32"><B>%s</B></FONT></TD></TR>`, htmlEscape(v.Title))
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="15" COLOR="#555555">%s</FONT></TD></TR>`, htmlEscape(v.Subtitle))

	types := map[string]bool{}
	for _, n := range v.Nodes {
		types[n.Type] = true
	}
	rels := map[string]bool{}
	for _, e := range v.Edges {
		for _, t := range e.Types {
			rels[t] = true
		}
	}
	font := max(13, v.Font) // never smaller than the map's own smallest text
	// One table for all entries, so that their columns line up.
	var sw []swatch
	b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">`)
	row := func(entries []string, node bool) {
		for start := 0; start < len(entries); start += legendPerRow {
			b.WriteString(`<TR>`)
			for _, t := range entries[start:min(start+legendPerRow, len(entries))] {
				name, color := t, "#333333"
				if node {
					sw = append(sw, swatch{node: true, nodeStyle: styleOf(t)})
				} else {
					s := edgeStyleOf(t)
					sw = append(sw, swatch{edgeStyle: s})
					name, color = strings.ToLower(t), s.Color
				}
				if t == otherType {
					name = "other (grouped)"
				}
				fmt.Fprintf(&b, `<TD BGCOLOR="%s" WIDTH="%d" HEIGHT="%d" FIXEDSIZE="TRUE"></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="%s" COLOR="%s">%s</FONT></TD><TD WIDTH="12"></TD>`,
					swatchMarker(len(sw)-1), swatchW, swatchH, num(font), color, htmlEscape(name))
			}
			b.WriteString(`</TR>`)
		}
	}
	row(ordered(types, typeOrder), true)
	row(ordered(rels, relationOrder), false)
	b.WriteString(`</TABLE></TD></TR>`)
	b.WriteString(`</TABLE>`)
	return b.String(), sw
}

// ordered returns the keys of set in the order of known, then the others sorted.
func ordered(set map[string]bool, known []string) []string {
	var out []string
	for _, k := range known {
		if set[k] {
			out = append(out, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(set)) {
		if !slices.Contains(known, k) {
			out = append(out, k)
		}
	}
	return out
}
