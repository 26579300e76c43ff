package viz

import "github.com/notegraph/notegraph/graph"

// Types that notes in a vault (Obsidian, Logseq) add, and the relations
// between them. They are named here as the vault work names them in
// graph; the map styles them already so that they show in the picture.
const (
	noteType    = "Note"
	tagType     = "Tag"
	taggedType  = "TAGGED"       // Note → Tag
	mentionedIn = "MENTIONED_IN" // thing → Note
)

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
	noteType:           {"tab", "filled", "#efe6dc", "#9d7660"},
	tagType:            {"cds", "filled", "#e9e7e6", "#79706e"},
	communityType:      {"ellipse", "filled", "#e6e6e6", "#555555"},
	otherType:          {"folder", "filled", "#f4f4f4", "#8c8c8c"},
}

// defaultNodeStyle is for types the map does not know.
var defaultNodeStyle = nodeStyle{"ellipse", "filled", "#eeeeee", "#8c8c8c"}

// typeOrder fixes the order of the legend.
var typeOrder = []string{graph.Person, graph.Talk, graph.Tool, graph.Concept, graph.Organization, graph.Event,
	graph.Link, noteType, tagType, communityType, otherType}

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

// edgeStyles gives every relation type its own colour (Tableau 20), so
// the legend tells them apart without edge labels: USES and LINKS_TO
// shared one in issue 12. Dashes add a second cue for the paler ones.
var edgeStyles = map[string]edgeStyle{
	graph.Gave:      {"#4e79a7", "bold"},
	graph.Covers:    {"#f28e2b", "solid"},
	graph.Created:   {"#59a14f", "bold"},
	graph.WorksAt:   {"#b07aa1", "solid"},
	graph.Uses:      {"#499894", "solid"},
	graph.SimilarTo: {"#b6992d", "dashed"},
	graph.RelatedTo: {"#bab0ac", "dotted"},
	graph.At:        {"#d37295", "solid"},
	graph.LinksTo:   {"#9d7660", "dashed"},
	taggedType:      {"#79706e", "dashed"},
	mentionedIn:     {"#ff9d9a", "solid"},
	linkedType:      {"#8c8c8c", "solid"},
}

var defaultEdgeStyle = edgeStyle{"#9c9c9c", "solid"}

var relationOrder = []string{graph.Gave, graph.Covers, graph.Created, graph.WorksAt, graph.Uses, graph.SimilarTo,
	graph.RelatedTo, graph.At, graph.LinksTo, taggedType, mentionedIn, linkedType}

func edgeStyleOf(typ string) edgeStyle {
	if s, ok := edgeStyles[typ]; ok {
		return s
	}
	return defaultEdgeStyle
}
