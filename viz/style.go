package viz

import "github.com/notegraph/notegraph/graph"

// nodeStyle is how one node type looks. Colours are the Tableau 10 palette,
// which stays distinguishable for the common forms of colour blindness when
// paired with distinct shapes.
type nodeStyle struct {
	Shape string // Graphviz shape
	Style string // Graphviz style, always including "filled"
	Fill  string
	Line  string
}

var nodeStyles = map[string]nodeStyle{
	graph.Person:       {"ellipse", "filled", "#cfe0f1", "#4e79a7"},
	graph.Talk:         {"note", "filled", "#fde2c4", "#e8772a"},
	graph.Tool:         {"box", "filled,rounded", "#d4ead0", "#59a14f"},
	graph.Concept:      {"hexagon", "filled", "#fbefc0", "#b89a1d"},
	graph.Organization: {"house", "filled", "#e8d7e5", "#b07aa1"},
	graph.Event:        {"doubleoctagon", "filled", "#f8d3d4", "#e15759"},
	graph.Link:         {"box", "filled,dashed", "#e3f1f0", "#76b7b2"},
	communityType:      {"circle", "filled", "#e6e6e6", "#555555"},
}

// defaultNodeStyle is for types the map does not know.
var defaultNodeStyle = nodeStyle{"ellipse", "filled", "#eeeeee", "#8c8c8c"}

// typeOrder fixes the order of the legend.
var typeOrder = []string{graph.Person, graph.Talk, graph.Tool, graph.Concept, graph.Organization, graph.Event, graph.Link, communityType}

func styleOf(typ string) nodeStyle {
	if s, ok := nodeStyles[typ]; ok {
		return s
	}
	return defaultNodeStyle
}

// edgeStyle is how one relation type looks.
type edgeStyle struct {
	Color string
	Style string // solid, dashed, dotted, bold
}

var edgeStyles = map[string]edgeStyle{
	graph.Gave:      {"#4e79a7", "bold"},
	graph.Covers:    {"#e8772a", "solid"},
	graph.Created:   {"#59a14f", "bold"},
	graph.WorksAt:   {"#b07aa1", "solid"},
	graph.SimilarTo: {"#b89a1d", "dashed"},
	graph.RelatedTo: {"#9c9c9c", "dotted"},
	graph.Uses:      {"#76b7b2", "solid"},
	graph.HasTalk:   {"#e15759", "solid"},
	graph.LinksTo:   {"#76b7b2", "dashed"},
	linkedType:      {"#777777", "solid"},
}

var defaultEdgeStyle = edgeStyle{"#9c9c9c", "solid"}

var relationOrder = []string{graph.Gave, graph.Covers, graph.Created, graph.WorksAt, graph.Uses, graph.SimilarTo, graph.RelatedTo, graph.HasTalk, graph.LinksTo, linkedType}

func edgeStyleOf(typ string) edgeStyle {
	if s, ok := edgeStyles[typ]; ok {
		return s
	}
	return defaultEdgeStyle
}
