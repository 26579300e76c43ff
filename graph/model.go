package graph

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Node types. Extractors may add others; these are the ones every stage knows.
const (
	Person       = "Person"
	Talk         = "Talk"
	Tool         = "Tool"
	Concept      = "Concept"
	Organization = "Organization"
	Event        = "Event"
	Link         = "Link"
	// Note is a note file of a vault (or a note a link names that does not
	// exist, with Props["missing"] = "true"); Props["path"] is its path.
	Note = "Note"
	// Tag is a #tag or a front-matter tag, named without its '#'.
	Tag = "Tag"
	// Attachment is a file a note embeds or links that is not a note: an
	// image, a PDF, audio, video.
	Attachment = "Attachment"
)

// Relation types.
const (
	Gave      = "GAVE"       // Person → Talk
	Covers    = "COVERS"     // Talk → Tool/Concept/Organization/…
	Created   = "CREATED"    // Person → Tool
	WorksAt   = "WORKS_AT"   // Person → Organization
	SimilarTo = "SIMILAR_TO" // thing → thing
	RelatedTo = "RELATED_TO" // generic: discussed together
	Uses      = "USES"       // thing → thing ("uses", "based on")
	At        = "AT"         // Talk → Event it was given at
	LinksTo   = "LINKS_TO"   // anything → Link (URL); Note → Note, Note → Attachment
	// Vault relations.
	Tagged      = "TAGGED"       // Note → Tag
	NestedIn    = "NESTED_IN"    // Tag → its parent Tag (#a/b → #a)
	Embeds      = "EMBEDS"       // Note → Attachment (![[image.png]])
	MentionedIn = "MENTIONED_IN" // extracted thing → the Note whose text names it
)

// Evidence is one place in the notes that states a node or an edge.
// File is relative to the root the notes were given from; Line is 1-based.
type Evidence struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Node is one real thing: a person, a talk, a tool, …
type Node struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Props holds descriptive string properties (e.g. "url").
	Props map[string]string `json:"props,omitempty"`
	// Scores holds analysis results (degree, pagerank, betweenness, …).
	Scores map[string]float64 `json:"scores,omitempty"`
	// Community is the community index from analysis, or nil when not computed.
	Community *int       `json:"community,omitempty"`
	Evidence  []Evidence `json:"evidence"`
}

// Edge is a typed, directed relation between two nodes.
type Edge struct {
	Source   string             `json:"source"`
	Target   string             `json:"target"`
	Type     string             `json:"type"`
	Props    map[string]string  `json:"props,omitempty"`
	Scores   map[string]float64 `json:"scores,omitempty"`
	Evidence []Evidence         `json:"evidence"`
}

// Key identifies an edge: one edge per (source, type, target).
func (e Edge) Key() string { return e.Source + "|" + e.Type + "|" + e.Target }

// Graph is the whole extracted graph.
type Graph struct {
	// Title names the notes (usually the event or the first heading).
	Title string `json:"title,omitempty"`
	// Files lists every note file the graph was extracted from, relative to
	// its root, including files that yielded nothing. Sync uses it: an item
	// whose evidence lies only in these files and that the graph no longer
	// has can be deleted.
	Files []string `json:"files,omitempty"`
	Nodes []Node   `json:"nodes"`
	Edges []Edge   `json:"edges"`
}

// ID returns the stable, content-derived ID of a node of type typ named name:
// "type:normalized-name", e.g. ID("Person", "Kenneth Reitz") = "person:kenneth-reitz".
func ID(typ, name string) string {
	return strings.ToLower(typ) + ":" + Slug(name)
}

// Slug folds name to lower-case words of letters and digits joined by '-'.
// Accents are removed ("Stéphane" → "stephane"); '+' and '#' are kept so that
// "C++" and "C#" stay apart from "C".
func Slug(name string) string {
	var b strings.Builder
	b.Grow(len(name)) // one allocation for most names, where growing rune by rune made four or five
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// NodeIndex returns a map from node ID to its index in g.Nodes.
func (g *Graph) NodeIndex() map[string]int {
	m := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		m[n.ID] = i
	}
	return m
}

// Normalize merges duplicate nodes and edges, drops edges whose ends are
// missing or that link a node to itself, and sorts everything. It is
// idempotent.
func (g *Graph) Normalize() { g.normalize(true) }

// NormalizeOwned is Normalize for a graph whose aliases and evidence lists
// nothing else holds, as an extractor's graph just built: it merges and
// sorts them where they are rather than copy them first (22M evidence
// entries on 100k notes, copied at the peak of the heap).
func (g *Graph) NormalizeOwned() { g.normalize(false) }

func (g *Graph) normalize(clone bool) {
	nodes := map[string]*Node{}
	for _, n := range g.Nodes {
		if cur, ok := nodes[n.ID]; ok {
			mergeNode(cur, n)
			continue
		}
		c := n
		if clone {
			c.Aliases = slices.Clone(n.Aliases)
			c.Evidence = slices.Clone(n.Evidence)
		}
		nodes[n.ID] = &c
	}
	edges := map[string]*Edge{}
	for _, e := range g.Edges {
		if nodes[e.Source] == nil || nodes[e.Target] == nil || e.Source == e.Target {
			continue
		}
		if cur, ok := edges[e.Key()]; ok {
			cur.Evidence = append(cur.Evidence, e.Evidence...)
			cur.Props = mergeProps(cur.Props, e.Props)
			continue
		}
		c := e
		if clone {
			c.Evidence = slices.Clone(e.Evidence)
		}
		edges[e.Key()] = &c
	}
	// New slices of the merged sizes, not g's reused: g's may be longer
	// (duplicates, dropped edges), and their tails would keep the old
	// nodes' and edges' evidence alive.
	g.Nodes = make([]Node, 0, len(nodes))
	for _, n := range nodes {
		n.Aliases = cleanAliases(n.Name, n.Aliases)
		n.Evidence = cleanEvidence(n.Evidence)
		g.Nodes = append(g.Nodes, *n)
	}
	g.Edges = make([]Edge, 0, len(edges))
	for _, e := range edges {
		e.Evidence = cleanEvidence(e.Evidence)
		g.Edges = append(g.Edges, *e)
	}
	slices.SortFunc(g.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(g.Edges, func(a, b Edge) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target), strings.Compare(a.Type, b.Type))
	})
	g.Files = slices.Compact(slices.Sorted(slices.Values(g.Files)))
	if g.Nodes == nil {
		g.Nodes = []Node{}
	}
	if g.Edges == nil {
		g.Edges = []Edge{}
	}
}

func mergeNode(dst *Node, src Node) {
	if src.Name != dst.Name {
		dst.Aliases = append(dst.Aliases, src.Name)
	}
	dst.Aliases = append(dst.Aliases, src.Aliases...)
	dst.Evidence = append(dst.Evidence, src.Evidence...)
	dst.Props = mergeProps(dst.Props, src.Props)
}

// mergeProps adds src's keys that dst lacks; dst wins on conflicts.
func mergeProps(dst, src map[string]string) map[string]string {
	for k, v := range src {
		if dst == nil {
			dst = map[string]string{}
		}
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
	return dst
}

func cleanAliases(name string, as []string) []string {
	out := []string{}
	for _, a := range as {
		if a != "" && a != name {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// compareEvidence orders evidence by file, line and text. The lists hold
// runs of one file's lines, whose names are one string: == (which sees
// the same pointer at once) settles most comparisons before a
// byte-by-byte compare.
func compareEvidence(a, b Evidence) int {
	if a.File != b.File {
		return strings.Compare(a.File, b.File)
	}
	if a.Line != b.Line {
		return cmp.Compare(a.Line, b.Line)
	}
	if a.Text == b.Text {
		return 0
	}
	return strings.Compare(a.Text, b.Text)
}

// CleanEvidence sorts ev in place and drops repeats: the order Normalize
// gives every node's and edge's evidence. A producer that cleans its lists
// itself (on many cores) spares Normalize the sorts: a sorted list is only
// checked.
func CleanEvidence(ev []Evidence) []Evidence {
	if !slices.IsSortedFunc(ev, compareEvidence) {
		slices.SortFunc(ev, compareEvidence)
	}
	return slices.Compact(ev)
}

func cleanEvidence(ev []Evidence) []Evidence {
	ev = CleanEvidence(ev)
	if ev == nil {
		ev = []Evidence{}
	}
	return ev
}

// Merge returns the union of graphs: nodes and edges by ID, with the union of
// their aliases and evidence. It is a pure function; inputs are not modified.
func Merge(gs ...Graph) Graph {
	var out Graph
	for _, g := range gs {
		if out.Title == "" {
			out.Title = g.Title
		}
		out.Files = append(out.Files, g.Files...)
		for _, n := range g.Nodes {
			n.Aliases = slices.Clone(n.Aliases)
			n.Evidence = slices.Clone(n.Evidence)
			out.Nodes = append(out.Nodes, n)
		}
		for _, e := range g.Edges {
			e.Evidence = slices.Clone(e.Evidence)
			out.Edges = append(out.Edges, e)
		}
	}
	out.Normalize()
	return out
}
