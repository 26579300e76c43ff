package viz

import (
	"fmt"
	"strconv"
)

// DrawnKind says which picture of the graph a map is.
type DrawnKind int

const (
	// DrawnAll is the whole graph.
	DrawnAll DrawnKind = iota
	// DrawnTop is the most central people and what they cover: asked
	// with Options.Top, chosen by the default map to keep labels legible,
	// or the MaxNodes cap.
	DrawnTop
	// DrawnOverview is one node per community.
	DrawnOverview
)

// Drawn says what a map shows of its graph, for the caller's summary: a
// reader of a reduced map must be told that it is one (issue 12).
type Drawn struct {
	Kind DrawnKind
	// Nodes and Relations count the graph's nodes and relations the map
	// stands for (those in the "other" group included).
	Nodes, Relations int
	// Total and TotalRelations count the whole graph.
	Total, TotalRelations int
	// Unconnected counts the nodes gathered into the one "other" node.
	Unconnected int
	// Communities counts the overview's community nodes ("other" aside).
	Communities int
	// By names the measure that ranked and sized the nodes.
	By string
	// Reduced is set when the map chose to draw less than the graph to
	// keep its labels legible, rather than being asked to.
	Reduced bool
}

// String is the summary a command prints: "top 60 of 1,998 nodes; use
// --full for all".
func (d Drawn) String() string {
	switch d.Kind {
	case DrawnOverview:
		return fmt.Sprintf("overview: %s communities of %s nodes%s",
			thousands(d.Communities), thousands(d.Total), d.othersNote())
	case DrawnTop:
		s := fmt.Sprintf("top %s of %s nodes by %s%s", thousands(d.Nodes), thousands(d.Total), d.By, d.othersNote())
		if d.Reduced {
			s += "; use --full for all"
		}
		return s
	}
	return fmt.Sprintf("all %s nodes, %s relations%s", thousands(d.Total), thousands(d.TotalRelations), d.othersNote())
}

func (d Drawn) othersNote() string {
	if d.Unconnected == 0 {
		return ""
	}
	if d.Kind == DrawnOverview {
		return fmt.Sprintf(" (%s on their own in one group)", thousands(d.Unconnected))
	}
	return fmt.Sprintf(" (%s unconnected in one group)", thousands(d.Unconnected))
}

// subtitle is the line under the map's title.
func (d Drawn) subtitle() string {
	switch d.Kind {
	case DrawnOverview:
		return fmt.Sprintf("%s communities of %s nodes · %s relations · the strongest links between them · members by %s",
			thousands(d.Communities), thousands(d.Total), thousands(d.TotalRelations), d.By)
	case DrawnTop:
		return fmt.Sprintf("%s of %s nodes · %s of %s relations · the most central people and what they cover (by %s)",
			thousands(d.Nodes), thousands(d.Total), thousands(d.Relations), thousands(d.TotalRelations), d.By)
	}
	return fmt.Sprintf("%s nodes · %s relations", thousands(d.Total), thousands(d.TotalRelations))
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
