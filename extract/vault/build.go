package vault

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/notegraph/notegraph/graph"
)

// Source is one note: its path in the vault (slash-separated, relative to
// the vault's root; used in evidence) and its Markdown text.
type Source struct {
	Name string
	Text []byte
}

// Diagnostic is a problem in a note (a link to a note that does not exist,
// front matter that is not YAML). Line is 0 when it concerns a whole file.
type Diagnostic struct {
	File string
	Line int
	Msg  string
}

// Keys are the front-matter keys that give typed nodes and edges, lower
// case (extract's rules.yaml, front_matter).
type Keys struct {
	Talk         []string // a note with one is a talk; its values are the Persons who GAVE it
	Person       []string // Persons: GAVE the note when it is a talk, else CREATED it
	Organization []string // Organizations: the speakers WORKS_AT them, else the note is RELATED_TO them
	Event        []string // Events: the note is AT them when it is a talk, else RELATED_TO them
	Type         []string // the value names the node type the note is ("person", "talk", "tool", …)
}

// Options configure Build.
type Options struct {
	Keys Keys
	// Entities, when set, is the graph extracted from the same notes. Build
	// returns it merged with the vault: every entity MENTIONED_IN the notes
	// its evidence lies in, a note whose name is an entity's name that entity.
	Entities *graph.Graph
}

// Result is the vault's graph.
type Result struct {
	Graph       graph.Graph
	Diagnostics []Diagnostic
	// WikiLinks counts the [[wiki links]] and note embeds that name another
	// note of the sources: notes that link this way are a vault.
	WikiLinks int
}

// note is one note of the vault, or one a link names that does not exist.
type note struct {
	path    string // as given, "folder/Note.md"; "" for a missing note
	key     string // lower-case path without extension
	dir     string // lower-case folder of key, "" at the root
	stem    string // file name without extension, as written
	id      string // graph id, "note:folder/note"
	name    string
	ev      graph.Evidence // where the name is stated
	aliases []string
	tags    []tagRef
	props   map[string]string
	s       scanned
	missing bool
	links   []graph.Evidence // a missing note's links
	typ     string           // the node type the note is (Note unless it is a thing)
	canon   string           // the id of its node
}

// identityTypes are the types a note can be: a note about one person, talk,
// tool, organization or event is that thing. The order breaks ties.
var identityTypes = []string{graph.Talk, graph.Person, graph.Tool, graph.Organization, graph.Event}

// Build reads a vault: one Note node per source, LINKS_TO edges for its
// links and note embeds, Attachment nodes for embedded files, Tag nodes,
// front-matter properties and typed keys.
func Build(srcs []Source, opts Options) Result {
	b := &builder{opts: opts, missing: map[string]*note{}, ids: map[string]bool{}, kinds: map[string]string{}}
	for kind, ks := range map[string][]string{"talk": opts.Keys.Talk, "person": opts.Keys.Person,
		"organization": opts.Keys.Organization, "event": opts.Keys.Event, "type": opts.Keys.Type} {
		for _, k := range ks {
			b.kinds[strings.ToLower(k)] = kind
		}
	}
	srcs = slices.SortedFunc(slices.Values(srcs), func(a, b Source) int { return strings.Compare(a.Name, b.Name) })
	for _, s := range srcs {
		b.add(s)
	}
	b.ix = newIndex(b.notes)
	for _, n := range b.notes {
		b.refs(n)
	}
	b.identify()
	for _, n := range b.notes {
		b.typed(n)
		b.tagEdges(n)
	}
	return b.result()
}

type builder struct {
	opts    Options
	notes   []*note
	ix      *index
	missing map[string]*note // link key → the missing note it names
	order   []*note          // missing notes in the order first linked
	ids     map[string]bool
	kinds   map[string]string // lower-case front-matter key → kind (talk, person, …)
	nodes   []graph.Node      // tags, attachments, front-matter things
	edges   []graph.Edge      // between note ids (made canonical at the end)
	diags   []Diagnostic
	wiki    int
	// named are the words links show for the notes they resolve to.
	named []linkName
	// absorbed maps a Concept's (or a #tag's) id to the node of the note
	// (or Tag) that is it.
	absorbed map[string]string
}

// linkName is a word a link shows for a note: its target or its label.
type linkName struct {
	name string
	to   *note
}

// add scans one source into a note.
func (b *builder) add(src Source) {
	s, ds := scan(src.Text)
	for _, d := range ds {
		b.diags = append(b.diags, Diagnostic{File: src.Name, Line: d.Line, Msg: d.Msg})
	}
	p := strings.ReplaceAll(src.Name, "\\", "/")
	key := strings.ToLower(strings.TrimSuffix(p, path.Ext(p)))
	if !isNoteFile(p) {
		key = strings.ToLower(p)
	}
	dir := path.Dir(key)
	if dir == "." {
		dir = ""
	}
	stem := strings.TrimSuffix(path.Base(p), path.Ext(p))
	n := &note{path: src.Name, key: key, dir: dir, stem: stem, s: s, props: map[string]string{"path": src.Name}, typ: graph.Note}
	n.id = b.uniqueID(noteID(key))
	n.name, n.ev = stem, graph.Evidence{File: src.Name, Line: 1, Text: s.FirstLine}
	if s.H1 != "" {
		n.name, n.ev = s.H1, graph.Evidence{File: src.Name, Line: s.H1Line, Text: s.lineText(s.H1Line)}
	}
	for _, pr := range s.Props {
		k := strings.ToLower(pr.Key)
		switch {
		case k == "title" && len(pr.Values) > 0 && strings.TrimSpace(pr.Values[0]) != "":
			n.name, n.ev = strings.TrimSpace(pr.Values[0]), graph.Evidence{File: src.Name, Line: pr.Line, Text: s.lineText(pr.Line)}
			if s.PropsLogseq { // Logseq names a page by its title: [[Page One]] links it
				n.aliases = append(n.aliases, n.name)
			}
		case k == "aliases" || k == "alias":
			for _, v := range pr.Values {
				for _, a := range aliasValues(v, s.PropsLogseq) {
					n.aliases = append(n.aliases, a)
				}
			}
		case k == "tags" || k == "tag":
			for _, v := range pr.Values {
				for _, t := range tagValues(v) {
					n.tags = append(n.tags, tagRef{Line: pr.Line, Text: s.lineText(pr.Line), Tag: t})
				}
			}
		case b.kinds[k] == "type" && nodeType(pr.Values) != "":
			// what the note is: its node's type
		default:
			key := pr.Key
			if key == "path" || key == "missing" {
				key = "fm_" + key
			}
			n.props[key] = strings.Join(pr.Values, ", ")
		}
	}
	n.tags = append(n.tags, s.Tags...)
	b.notes = append(b.notes, n)
}

// aliasValues reads one aliases value: a name, or a comma-separated list
// in Logseq; a [[link]] stands for its name.
func aliasValues(v string, logseq bool) []string {
	vs := []string{v}
	if logseq {
		vs = splitList(v)
	}
	var out []string
	for _, a := range vs {
		a = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(a), "[["), "]]"))
		if a != "" {
			out = append(out, a)
		}
	}
	return out
}

// tagValues reads one front-matter tags value: Obsidian takes "a, b" and
// "a b" as two tags, and a leading '#' as markup.
func tagValues(v string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if t = strings.Trim(strings.TrimPrefix(t, "#"), "/"); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// noteID is a note's id: "note:" and its path without extension, each
// folder and the name folded as graph.Slug folds names.
func noteID(key string) string {
	segs := strings.Split(key, "/")
	for i, s := range segs {
		if segs[i] = graph.Slug(s); segs[i] == "" {
			segs[i] = "_"
		}
	}
	return "note:" + strings.Join(segs, "/")
}

// uniqueID returns id, or when a note has it already (two paths that fold
// alike: "A b.md", "a-b.md"), id with a counter.
func (b *builder) uniqueID(id string) string {
	out := id
	for i := 2; b.ids[out]; i++ {
		out = fmt.Sprintf("%s~%d", id, i)
	}
	b.ids[out] = true
	return out
}

// refs resolves a note's links and embeds.
func (b *builder) refs(n *note) {
	for _, r := range n.s.Refs {
		ev := graph.Evidence{File: n.path, Line: r.Line, Text: r.Text}
		bare := r.Kind == refMarkdown && !r.Embed && path.Ext(r.Target) == "" // [x](Note): a note only if there is one
		if r.Kind == refMarkdown && !isNoteFile(r.Target) && !bare || r.Kind != refMarkdown && isAttachment(r.Target) {
			b.attachment(n, r, ev)
			continue
		}
		var i int
		if r.Kind == refMarkdown {
			i = b.ix.resolveFile(r.Target, n.dir)
		} else {
			i = b.ix.resolve(r.Target, n.dir)
		}
		var props map[string]string
		if r.Embed {
			props = map[string]string{"embed": "true"}
		}
		if r.Kind == refProperty {
			props = map[string]string{"key": r.Key}
		}
		if i >= 0 {
			t := b.notes[i]
			if t != n {
				b.named = append(b.named, linkName{path.Base(r.Target), t}, linkName{r.Target, t}, linkName{r.Label, t})
				b.edges = append(b.edges, graph.Edge{Source: n.id, Target: t.id, Type: graph.LinksTo, Props: props, Evidence: []graph.Evidence{ev}})
				if r.Kind == refWiki {
					b.wiki++
				}
			}
			continue
		}
		if bare {
			continue // a path of a site, or a folder: not a link to a note
		}
		shown := r.Target
		if isNoteFile(shown) {
			shown = strings.TrimSuffix(shown, path.Ext(shown))
		}
		b.diags = append(b.diags, Diagnostic{File: n.path, Line: r.Line, Msg: fmt.Sprintf("link to a note that does not exist: %q", shown)})
		key := linkKey(r.Target, "")
		if r.Kind == refMarkdown {
			key = linkKey("./"+r.Target, n.dir)
		}
		m := b.missing[key]
		if m == nil {
			id := noteID(key)
			if b.ids[id] {
				id = "note:missing/" + strings.TrimPrefix(id, "note:")
			}
			m = &note{key: key, stem: path.Base(shown), id: b.uniqueID(id), name: shown, missing: true, typ: graph.Note,
				props: map[string]string{"missing": "true"}}
			b.missing[key] = m
			b.order = append(b.order, m)
		}
		m.links = append(m.links, ev)
		b.named = append(b.named, linkName{r.Label, m})
		b.edges = append(b.edges, graph.Edge{Source: n.id, Target: m.id, Type: graph.LinksTo, Props: props, Evidence: []graph.Evidence{ev}})
	}
}

// attachment records a link to or an embed of a file that is not a note.
func (b *builder) attachment(n *note, r ref, ev graph.Evidence) {
	t := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(r.Target, "\\", "/")), "/")
	segs := strings.Split(strings.ToLower(t), "/")
	for i, s := range segs {
		segs[i] = graph.Slug(s)
	}
	id := "attachment:" + strings.Join(segs, "/")
	b.nodes = append(b.nodes, graph.Node{ID: id, Type: graph.Attachment, Name: path.Base(t), Props: map[string]string{"path": t}, Evidence: []graph.Evidence{ev}})
	typ := graph.LinksTo
	if r.Embed {
		typ = graph.Embeds
	}
	b.edges = append(b.edges, graph.Edge{Source: n.id, Target: id, Type: typ, Evidence: []graph.Evidence{ev}})
}

// tagEdges adds a note's tags: a Tag node for the tag and each of its
// parents (#a/b/c → a/b → a), TAGGED from the note, NESTED_IN between them.
func (b *builder) tagEdges(n *note) {
	for _, t := range n.tags {
		ev := graph.Evidence{File: n.path, Line: t.Line, Text: t.Text}
		segs := strings.Split(t.Tag, "/")
		var child string
		for i := len(segs); i > 0; i-- {
			name := strings.Join(segs[:i], "/")
			id := tagID(name)
			if id == "tag:" {
				continue
			}
			b.nodes = append(b.nodes, graph.Node{ID: id, Type: graph.Tag, Name: strings.ToLower(name), Evidence: []graph.Evidence{ev}})
			if child == "" {
				b.edges = append(b.edges, graph.Edge{Source: n.id, Target: id, Type: graph.Tagged, Evidence: []graph.Evidence{ev}})
			} else {
				b.edges = append(b.edges, graph.Edge{Source: child, Target: id, Type: graph.NestedIn, Evidence: []graph.Evidence{ev}})
			}
			child = id
		}
	}
}

// tagID is a tag's id: tags are one whatever their case (#Go is #go), and
// keep their nesting and characters ("tag:lang/go", "tag:to_read");
// a character a #tag cannot hold (from front matter) becomes '-'.
func tagID(tag string) string {
	var segs []string
	for _, s := range strings.Split(strings.ToLower(tag), "/") {
		s = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' {
				return r
			}
			return '-'
		}, strings.TrimSpace(s))
		if s != "" {
			segs = append(segs, s)
		}
	}
	return "tag:" + strings.Join(segs, "/")
}

// fold is the form names are compared in when a note is matched to a thing.
func fold(s string) string { return graph.Slug(s) }

// identify decides what each note is: the extracted thing whose name is
// its name (a note "Ada Lovelace" about her is the Person), the type its
// front matter gives, a Talk when front matter names its speaker, else a
// Note, which takes in a Concept of its name (one node, not two).
func (b *builder) identify() {
	typed := map[string][]graph.Node{}
	concepts := map[string][]string{}
	if g := b.opts.Entities; g != nil {
		for _, e := range g.Nodes {
			switch {
			case e.Type == graph.Concept:
				for _, nm := range append([]string{e.Name}, e.Aliases...) {
					concepts[fold(nm)] = append(concepts[fold(nm)], e.ID)
				}
			case slices.Contains(identityTypes, e.Type):
				for _, nm := range append([]string{e.Name}, e.Aliases...) {
					typed[fold(nm)] = append(typed[fold(nm)], e)
				}
			}
		}
	}
	for _, n := range b.notes {
		for _, p := range b.people(n) {
			typed[fold(p.Name)] = append(typed[fold(p.Name)], p)
		}
	}
	b.absorbed = map[string]string{}
	tags := map[string]bool{}
	for _, n := range b.notes {
		for _, t := range n.tags {
			tags[tagID(t.Tag)] = true
		}
	}
	if g := b.opts.Entities; g != nil {
		for _, e := range g.Nodes { // "- #BuildInPublic" read as a name is the tag
			if t := tagID(strings.TrimPrefix(e.Name, "#")); strings.HasPrefix(e.Name, "#") && tags[t] {
				b.absorbed[e.ID] = t
			}
		}
	}
	// a thing is one note at most: of two notes named "Importer" in two
	// folders, the first (by path) is the Tool, the other stays a Note
	claimed := map[string]bool{}
	for _, n := range slices.Concat(b.notes, b.order) {
		names := []string{n.name}
		for _, o := range append([]string{n.s.H1, n.stem}, n.aliases...) { // aliases resolve entities too
			if o != "" && !slices.ContainsFunc(names, func(x string) bool { return fold(x) == fold(o) }) {
				names = append(names, o)
			}
		}
		n.canon = n.id
		var best *graph.Node
		for _, nm := range names {
			for _, c := range typed[fold(nm)] {
				if claimed[c.ID] {
					continue
				}
				if best == nil || identityLess(c, *best, n.path) {
					best = &c
				}
			}
		}
		fm, talk := b.declared(n)
		switch {
		case best != nil:
			n.canon, n.typ = best.ID, best.Type
			claimed[best.ID] = true
		case fm != "" && fm != graph.Note:
			n.typ = fm
			n.canon = graph.ID(fm, n.name)
		case talk:
			n.typ = graph.Talk
			n.canon = graph.ID(graph.Talk, n.name)
		}
		for _, nm := range names {
			b.absorb(concepts[fold(nm)], n)
		}
	}
	// What a link shows for a note names it: [[Projects/Orrery]] and
	// [[Orrery|the orrery project]] are the note, not Concepts of their own.
	for _, l := range b.named {
		if l.name != "" {
			b.absorb(concepts[fold(l.name)], l.to)
		}
	}
}

// absorb makes the Concepts cs one with note n's node, unless another note
// took them first.
func (b *builder) absorb(cs []string, n *note) {
	for _, c := range cs {
		if _, ok := b.absorbed[c]; !ok && c != n.canon {
			b.absorbed[c] = n.canon
		}
	}
}

// identityLess orders the things a note named like them could be: one
// stated in the note itself first, then by type, then by id.
func identityLess(a, b graph.Node, file string) bool {
	in := func(n graph.Node) bool {
		return file != "" && slices.ContainsFunc(n.Evidence, func(e graph.Evidence) bool { return e.File == file })
	}
	if in(a) != in(b) {
		return in(a)
	}
	return cmp.Or(cmp.Compare(slices.Index(identityTypes, a.Type), slices.Index(identityTypes, b.Type)), strings.Compare(a.ID, b.ID)) < 0
}

// declared returns the node type a note's front matter gives it ("type:
// person") and whether it names a speaker (a talk).
func (b *builder) declared(n *note) (typ string, talk bool) {
	for _, p := range n.s.Props {
		switch b.kinds[strings.ToLower(p.Key)] {
		case "type":
			if t := nodeType(p.Values); t != "" {
				typ = t
			}
		case "talk":
			talk = talk || len(p.Values) > 0
		}
	}
	return typ, talk || typ == graph.Talk
}

// nodeType returns the node type a type key's values name ("person" is
// Person), or "".
func nodeType(vs []string) string {
	for _, v := range vs {
		for _, t := range append(identityTypes, graph.Concept, graph.Note) {
			if strings.EqualFold(strings.TrimSpace(v), t) {
				return t
			}
		}
	}
	return ""
}

// people returns the Persons a note's front matter names.
func (b *builder) people(n *note) []graph.Node {
	var out []graph.Node
	for _, p := range n.s.Props {
		if k := b.kinds[strings.ToLower(p.Key)]; k != "talk" && k != "person" {
			continue
		}
		for _, name := range thingNames(p.Values, true) {
			out = append(out, graph.Node{ID: graph.ID(graph.Person, name), Type: graph.Person, Name: name,
				Evidence: []graph.Evidence{{File: n.path, Line: p.Line, Text: n.s.lineText(p.Line)}}})
		}
	}
	return out
}

// thingNames reads the names in front-matter values: a [[link]] names its
// note, and people lists are split at commas and "and".
func thingNames(vs []string, people bool) []string {
	var out []string
	for _, v := range vs {
		if ms := wikiRE.FindAllStringSubmatch(v, -1); ms != nil {
			for _, m := range ms {
				if t, _ := splitWiki(m[2]); t != "" {
					out = append(out, path.Base(t))
				}
			}
			continue
		}
		parts := []string{v}
		if people {
			parts = strings.FieldsFunc(strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(v), func(r rune) bool { return r == ',' })
		}
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" && graph.Slug(p) != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// typed adds the nodes and edges of a note's typed front-matter keys.
func (b *builder) typed(n *note) {
	var persons []string
	type thing struct {
		id string
		ev graph.Evidence
	}
	var orgs, events []thing
	for _, p := range n.s.Props {
		kind := b.kinds[strings.ToLower(p.Key)]
		ev := graph.Evidence{File: n.path, Line: p.Line, Text: n.s.lineText(p.Line)}
		switch kind {
		case "talk", "person":
			for _, name := range thingNames(p.Values, true) {
				id := graph.ID(graph.Person, name)
				b.nodes = append(b.nodes, graph.Node{ID: id, Type: graph.Person, Name: name, Evidence: []graph.Evidence{ev}})
				rel := graph.Created
				if n.typ == graph.Talk {
					rel = graph.Gave
				}
				b.edges = append(b.edges, graph.Edge{Source: id, Target: n.id, Type: rel, Evidence: []graph.Evidence{ev}})
				persons = append(persons, id)
			}
		case "organization", "event":
			typ := graph.Organization
			if kind == "event" {
				typ = graph.Event
			}
			for _, name := range thingNames(p.Values, false) {
				id := graph.ID(typ, name)
				b.nodes = append(b.nodes, graph.Node{ID: id, Type: typ, Name: name, Evidence: []graph.Evidence{ev}})
				if kind == "event" {
					events = append(events, thing{id, ev})
				} else {
					orgs = append(orgs, thing{id, ev})
				}
			}
		}
	}
	talk := n.typ == graph.Talk
	for _, o := range orgs {
		if talk && len(persons) > 0 {
			for _, p := range persons {
				b.edges = append(b.edges, graph.Edge{Source: p, Target: o.id, Type: graph.WorksAt, Evidence: []graph.Evidence{o.ev}})
			}
			continue
		}
		b.edges = append(b.edges, graph.Edge{Source: n.id, Target: o.id, Type: graph.RelatedTo, Evidence: []graph.Evidence{o.ev}})
	}
	for _, e := range events {
		if talk {
			b.edges = append(b.edges, graph.Edge{Source: n.id, Target: e.id, Type: graph.At, Evidence: []graph.Evidence{e.ev}})
		} else {
			b.edges = append(b.edges, graph.Edge{Source: n.id, Target: e.id, Type: graph.RelatedTo, Evidence: []graph.Evidence{e.ev}})
		}
	}
}

// result assembles the graph: the notes, the entities (when given) with
// MENTIONED_IN edges to the notes they are stated in, and the rest, every
// id made that of the node it is one with.
func (b *builder) result() Result {
	canon := map[string]string{}
	for _, n := range slices.Concat(b.notes, b.order) {
		canon[n.id] = n.canon
	}
	for c, n := range b.absorbed {
		canon[c] = n
	}
	id := func(s string) string {
		if c, ok := canon[s]; ok {
			return c
		}
		return s
	}
	noteNode := func(n *note) graph.Node {
		ev := []graph.Evidence{n.ev}
		props := maps.Clone(n.props)
		if n.missing {
			ev = n.links
			if n.typ != graph.Note {
				props = nil // a thing a link names, whose note is not written yet
			}
		}
		return graph.Node{ID: n.canon, Type: n.typ, Name: n.name, Aliases: n.aliases, Props: props, Evidence: ev}
	}
	var g graph.Graph
	// A node's first occurrence decides its type and name (graph.Normalize):
	// a note comes before the extracted thing that is it, and names it.
	for _, n := range slices.Concat(b.notes, b.order) {
		g.Nodes = append(g.Nodes, noteNode(n))
	}
	byFile := map[string]*note{}
	for _, n := range b.notes {
		byFile[n.path] = n
	}
	if e := b.opts.Entities; e != nil {
		g.Title, g.Files = e.Title, slices.Clone(e.Files)
		for _, n := range e.Nodes {
			n.ID = id(n.ID)
			n.Props = maps.Clone(n.Props) // Normalize merges into the first node's map
			g.Nodes = append(g.Nodes, n)
		}
		for _, ed := range e.Edges {
			ed.Source, ed.Target = id(ed.Source), id(ed.Target)
			g.Edges = append(g.Edges, ed)
		}
		for _, n := range e.Nodes {
			if _, absorbed := b.absorbed[n.ID]; absorbed {
				continue
			}
			from := id(n.ID)
			byNote := map[*note][]graph.Evidence{}
			for _, ev := range n.Evidence {
				if nt := byFile[ev.File]; nt != nil && nt.canon != from {
					byNote[nt] = append(byNote[nt], ev)
				}
			}
			for nt, evs := range byNote { // Normalize sorts the edges
				g.Edges = append(g.Edges, graph.Edge{Source: from, Target: nt.canon, Type: graph.MentionedIn, Evidence: evs})
			}
		}
	}
	for _, n := range b.notes {
		g.Files = append(g.Files, n.path)
	}
	g.Nodes = append(g.Nodes, b.nodes...)
	// Tags come before the entities that are them.
	tagNodes := slices.DeleteFunc(slices.Clone(g.Nodes), func(n graph.Node) bool { return n.Type != graph.Tag })
	g.Nodes = append(tagNodes, g.Nodes...)
	for _, ed := range b.edges {
		ed.Source, ed.Target = id(ed.Source), id(ed.Target)
		g.Edges = append(g.Edges, ed)
	}
	g.Normalize()
	slices.SortFunc(b.diags, func(x, y Diagnostic) int {
		return cmp.Or(strings.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line), strings.Compare(x.Msg, y.Msg))
	})
	return Result{Graph: g, Diagnostics: b.diags, WikiLinks: b.wiki}
}
