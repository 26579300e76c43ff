package extract

import (
	"bytes"
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/extract/vault"
	"github.com/notegraph/notegraph/graph"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// lineKind says which Markdown block a line belongs to.
type lineKind uint8

const (
	kindPara    lineKind = iota // a line of a paragraph (also inside list items and quotes)
	kindHeading                 // an ATX or setext heading
	kindCode                    // a line of a code block
	kindBreak                   // a thematic break (---), which ends an entry
)

// line is one source line as the later stages see it: its block structure
// and its text with Markdown markup removed. Notes are written line by line,
// so the line, not the paragraph, is the unit of meaning: "Mara Quill:"
// followed by "Requests" on the next line are two statements.
//
// A line record is held for every line of the notes until pass 2 is done
// (4.7M of them on 100k generated notes), and most lines have no link,
// code, emphasis or cell: those lists are behind one pointer (lineParts),
// which every line without any shares (noParts), and the small fields
// are last, together, no wider than they need (64 bytes, not 216; a
// line number fits 32 bits, a depth 16, as nesting is capped at
// maxNesting).
type line struct {
	Text string // plain text: markup removed, entities decoded, trimmed
	Raw  string // the source line, trimmed: the evidence text
	// its links, code spans, emphasis, wiki links and cells; never nil,
	// and shared: a line writes its own copy (own)
	*lineParts
	ev    *graph.Evidence // made once by evidence, shared by the line's mentions and relations
	N     int32           // 1-based line number in the file
	Depth int16           // list nesting depth: 0 outside lists, 1 in a top-level item
	Level int8            // heading level (1–6), or 7 for a paragraph that is all bold (a pseudo-heading)
	Kind  lineKind        //
	Quote bool            // inside a blockquote
	Item  bool            // first line of a list item
	First bool            // first line of its block (paragraph, heading, item)
	Bold  bool            // the whole line is bold or italic
}

// lineParts are the lists a line holds besides its text: links and code
// spans, which many lines have, and behind a second shared pointer the
// rarer ones.
type lineParts struct {
	Links      []link   // links and bare URLs that start on this line
	Codes      []string // code spans
	*moreParts          // never nil, and shared as lineParts are (noMore, ownMore)
}

// moreParts are a line's rarer lists.
type moreParts struct {
	Emph []string // emphasized (italic or bold) spans
	Wiki []string // the pages of its [[wiki links]], whose brackets Text drops
	// A table row: its cells' plain text, and the cells of its table's
	// header row (nil for the header row itself and outside tables).
	Cells  []string
	Header []string
}

// noParts and noMore are the parts of every line that has none. Nothing
// writes them (own and ownMore give a line its own parts first;
// TestNoPartsStayEmpty).
var (
	noMore  moreParts
	noParts = lineParts{moreParts: &noMore}
)

// own returns the line's parts to write links and code spans to: its own,
// made on the first write, never the shared noParts.
func (l *line) own() *lineParts {
	if l.lineParts == nil || l.lineParts == &noParts {
		l.lineParts = &lineParts{moreParts: &noMore}
	}
	return l.lineParts
}

// ownMore returns the line's rarer parts to write to, its own, as own.
func (l *line) ownMore() *moreParts {
	p := l.own()
	if p.moreParts == nil || p.moreParts == &noMore {
		p.moreParts = &moreParts{}
	}
	return p.moreParts
}

type link struct {
	Text string // the link text, "" for a bare URL
	URL  string
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// frontMatter matches a YAML front matter block at the start of a file.
var frontMatter = regexp.MustCompile(`\A---[ \t]*\n(?s:(.*?))\n(?:---|\.\.\.)[ \t]*\n`)

// meta holds what a file's front matter says about the notes.
type meta struct {
	Title   string
	Author  string
	Speaker string // speaker:, speakers:, presenter: — who gave the talk the file is about
}

// parse turns a cleaned source into lines. Front matter is read for the title
// and author and blanked (keeping line numbers) before goldmark sees it.
func parse(src source) ([]line, meta) {
	data := src.Text
	var m meta
	if fm := frontMatter.FindSubmatchIndex(data); fm != nil {
		for _, l := range strings.Split(string(data[fm[2]:fm[3]]), "\n") {
			k, v, ok := strings.Cut(l, ":")
			if !ok {
				continue
			}
			v = strings.Trim(strings.TrimSpace(v), `"'`)
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "title":
				m.Title = v
			case "author":
				m.Author = v
			case "speaker", "speakers", "presenter", "presenters":
				m.Speaker = strings.Trim(v, "[]")
			}
		}
		blank := bytes.Clone(data)
		for i := fm[0]; i < fm[1]; i++ {
			if blank[i] != '\n' {
				blank[i] = ' '
			}
		}
		data = blank
	}
	p := &parser{src: data, text: string(data)}
	p.starts = make([]int, 1, bytes.Count(data, []byte("\n"))+1)
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		p.starts = append(p.starts, i)
	}
	p.byNum = make([]*line, len(p.starts)+1)
	doc := markdown.Parser().Parse(text.NewReader(data))
	p.block(doc, 0, false)
	out := make([]line, 0, len(p.lines))
	for _, l := range p.lines {
		text, wiki := unwrapWiki(cleanText(l.Text))
		l.Text = text
		if wiki != nil {
			l.ownMore().Wiki = wiki
		}
		if ts := vault.FindTags(l.Text); l.Kind != kindCode && ts != nil && !(l.Item && len(ts) == 1 && ts[0] == [2]int{0, len(l.Text)}) {
			l.Text = dropTags(l.Text) // vault: a #tag is markup (a Tag node), not a name
		}
		l.Raw = strings.TrimSpace(p.rawLine(int(l.N)))
		if l.Kind != kindCode && l.Text == "" && len(l.Links) == 0 {
			if l.Kind != kindBreak {
				continue
			}
		}
		if l.Kind == kindPara && l.Text != "" && len(l.Emph) == 1 && cleanText(l.Emph[0]) == l.Text {
			l.Bold = true
		}
		out = append(out, *l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].N < out[j].N })
	return out, m
}

type parser struct {
	src    []byte
	text   string // src as a string, once: lines are its substrings, not copies
	starts []int  // byte offset of the start of each line
	lines  []*line
	byNum  []*line // by line number
	last   int     // the highest line number recorded
}

// lineOf returns the 1-based line number of a byte offset.
func (p *parser) lineOf(off int) int {
	return sort.Search(len(p.starts), func(i int) bool { return p.starts[i] > off })
}

func (p *parser) rawLine(n int) string {
	start := p.starts[n-1]
	end := len(p.src)
	if n < len(p.starts) {
		end = p.starts[n] - 1
	}
	return p.text[start:end]
}

// appendSource returns s followed by the source's bytes [a, b): a
// substring of the source, not a copy, when s is the source's bytes just
// before a. goldmark cuts a line's text into pieces (at its last space,
// around a bare URL, at markup it did not take), and a line's text that is
// its pieces joined again is most lines' text: held until pass 2 is done,
// their copies were a tenth of a large run's heap.
func (p *parser) appendSource(s string, a, b int) string {
	if n := len(s); n <= a && p.text[a-n:a] == s {
		return p.text[a-n : b]
	}
	return s + p.text[a:b]
}

var breakRE = regexp.MustCompile(`^ {0,3}([-*_])(?:[ \t]*[-*_]){2,}[ \t]*$`)

// segment returns the text of a segment of the source: a substring,
// unless goldmark pads it (a tab in a code block's indent).
func (p *parser) segment(s text.Segment) string {
	if s.Padding > 0 {
		return string(s.Value(p.src))
	}
	return p.text[s.Start:s.Stop]
}

// findBreak returns the first line after the last recorded one that is a
// thematic break, or 0.
func (p *parser) findBreak() int {
	for n := p.last + 1; n <= len(p.starts); n++ {
		if l := p.rawLine(n); mayBreak(l) && breakRE.MatchString(l) {
			return n
		}
	}
	return 0
}

// mayBreak is a cheap test that l may be a thematic break, so that breakRE
// runs only on lines that open with a break's character.
func mayBreak(l string) bool {
	l = strings.TrimLeft(l, " ")
	return len(l) >= 3 && (l[0] == '-' || l[0] == '*' || l[0] == '_')
}

// get returns the line record for line n, creating it with the given shape.
func (p *parser) get(n int, kind lineKind, depth int, quote bool) *line {
	if l := p.byNum[n]; l != nil {
		return l
	}
	l := &line{N: int32(n), Kind: kind, Depth: int16(depth), Quote: quote, lineParts: &noParts}
	p.byNum[n] = l
	p.lines = append(p.lines, l)
	p.last = max(p.last, n)
	return l
}

// block walks block nodes, iteratively over siblings and recursively into
// containers. Depth of recursion is the nesting depth of the Markdown, which
// goldmark itself has already walked.
func (p *parser) block(n ast.Node, depth int, quote bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			if l := p.leaf(c, kindHeading, depth, quote); l != nil {
				l.Level = int8(c.Level)
			}
		case *ast.Paragraph, *ast.TextBlock:
			p.leaf(c, kindPara, depth, quote)
		case *ast.List:
			p.block(c, depth+1, quote)
		case *ast.ListItem:
			before := len(p.lines)
			p.block(c, depth, quote)
			if len(p.lines) > before {
				first := p.lines[before]
				first.Item = true
			}
		case *ast.Blockquote:
			p.block(c, depth, true)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			segs := c.Lines()
			for i := 0; i < segs.Len(); i++ {
				s := segs.At(i)
				l := p.get(p.lineOf(s.Start), kindCode, depth, quote)
				l.Text = p.segment(s)
			}
		case *ast.ThematicBreak:
			// goldmark keeps no position for a break: find it in the source
			// after the last line seen.
			if n := p.findBreak(); n > 0 {
				p.get(n, kindBreak, depth, quote)
			}
		case *east.Table:
			var header []string
			for row := c.FirstChild(); row != nil; row = row.NextSibling() {
				var cells []string
				var rowLine *line
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					var before int
					if rowLine != nil {
						before = len(rowLine.Text)
					}
					l := p.inlines(cell, kindPara, depth, quote, -1)
					if l == nil {
						cells = append(cells, "")
						continue
					}
					if rowLine == nil {
						rowLine, before = l, 0
					}
					cells = append(cells, cleanText(l.Text[min(before, len(l.Text)):]))
					if cell.NextSibling() != nil {
						l.Text += " | "
					}
				}
				if _, ok := row.(*east.TableHeader); ok {
					header = cells
				} else if rowLine != nil && header != nil {
					rowLine.ownMore().Cells, rowLine.ownMore().Header = cells, header
				}
			}
		case *ast.HTMLBlock:
			// Raw HTML is not read: it is markup, not notes.
		default:
			p.block(c, depth, quote)
		}
	}
}

// leaf records the lines of a paragraph, text block or heading.
func (p *parser) leaf(n ast.Node, kind lineKind, depth int, quote bool) *line {
	first := -1
	if segs := n.Lines(); segs != nil && segs.Len() > 0 {
		first = p.lineOf(segs.At(0).Start)
	}
	return p.inlines(n, kind, depth, quote, first)
}

// inlines writes the inline content of a leaf block onto its lines and
// returns the block's first line.
func (p *parser) inlines(n ast.Node, kind lineKind, depth int, quote bool, first int) *line {
	cur := first
	var head *line
	at := func(n int) *line {
		l := p.get(n, kind, depth, quote)
		if head == nil {
			head = l
			l.First = true
		}
		return l
	}
	if first > 0 {
		at(first)
	}
	var walk func(ast.Node, *strings.Builder)
	walk = func(n ast.Node, into *strings.Builder) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				cur = p.lineOf(c.Segment.Start)
				v := p.segment(c.Segment)
				if l := at(cur); c.Segment.Padding == 0 {
					l.Text = p.appendSource(l.Text, c.Segment.Start, c.Segment.Stop)
				} else {
					l.Text += v
				}
				if into != nil {
					into.WriteString(v)
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					if into != nil {
						into.WriteByte(' ')
					}
				}
			case *ast.String:
				if cur > 0 {
					at(cur).Text += string(c.Value)
				}
				if into != nil {
					into.Write(c.Value)
				}
			case *ast.CodeSpan:
				var b strings.Builder
				walk(c, &b)
				if cur > 0 {
					l := at(cur)
					l.own().Codes = append(l.Codes, strings.TrimSpace(b.String()))
				}
				if into != nil {
					into.WriteString(b.String())
				}
			case *ast.Emphasis:
				var b strings.Builder
				walk(c, &b)
				if cur > 0 {
					l := at(cur)
					l.ownMore().Emph = append(l.Emph, b.String())
				}
				if into != nil {
					into.WriteString(b.String())
				}
			case *ast.Link:
				start := cur
				var b strings.Builder
				walk(c, &b)
				if start <= 0 {
					start = cur
				}
				if start > 0 {
					l := at(start)
					l.own().Links = append(l.Links, link{Text: cleanText(b.String()), URL: string(c.Destination)})
				}
				if into != nil {
					into.WriteString(b.String())
				}
			case *ast.AutoLink:
				url := string(c.URL(p.src))
				if seg := c.Label(p.src); len(seg) > 0 && cur <= 0 {
					cur = first
				}
				// An autolink has no segment of its own; it sits on the line
				// of the text around it, found from the source.
				label := -1 // the label's offset in the source, when found
				if off := bytes.Index(p.src[p.starts[max(cur, 1)-1]:], c.Label(p.src)); off >= 0 {
					label = p.starts[max(cur, 1)-1] + off
					cur = p.lineOf(label)
				}
				l := at(cur)
				l.own().Links = append(l.Links, link{URL: url})
				if label >= 0 {
					l.Text = p.appendSource(l.Text, label, label+len(c.Label(p.src)))
				} else {
					l.Text += string(c.Label(p.src))
				}
				if into != nil {
					into.Write(c.Label(p.src))
				}
			case *ast.Image:
				// alt text is not read as notes; the image URL is a link.
				if cur > 0 {
					l := at(cur)
					l.own().Links = append(l.Links, link{URL: string(c.Destination)})
				}
			case *ast.RawHTML:
				// inline HTML tags are markup
			default:
				walk(c, into)
			}
		}
	}
	walk(n, nil)
	return head
}

var calloutRE = regexp.MustCompile(`^\s*\[![A-Za-z-]+\][+-]?`)

var shortcodeRE = regexp.MustCompile(`(^|\s):[a-z0-9_+-]{2,30}:`)

// cleanText decodes HTML entities, drops emoji shortcodes (":joy:") and
// collapses white space.
// wikiLinkRE matches a wiki link: [[Page]], [[Page|label]], [[Page#part]].
var wikiLinkRE = regexp.MustCompile(`\[\[([^\]|#\n]{1,80})(?:#[^\]|\n]*)?(?:\|([^\]\n]{1,80}))?\]\]`)

// unwrapWiki replaces each wiki link in s by the text a reader sees (its
// label, else its page) and returns the pages: "[[Mira Patel]]" reads as
// "Mira Patel" to every finder, and is a name the notes vouch for.
func unwrapWiki(s string) (string, []string) {
	if !strings.Contains(s, "[[") {
		return s, nil
	}
	in := s
	s = dropEmbeds(s)
	var pages []string
	out := wikiLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := wikiLinkRE.FindStringSubmatch(m)
		page := strings.TrimSpace(sm[1])
		shown := page
		if l := strings.TrimSpace(sm[2]); l != "" {
			shown = l
		}
		if shown == "" {
			return m
		}
		pages = append(pages, shown)
		return shown
	})
	if out == in {
		return in, pages // "[[#Heading]]": the same text, and the line keeps its own bytes
	}
	return out, pages
}

func cleanText(s string) string {
	// each step below returns a copy even when it changes nothing, and
	// the line keeps its own bytes (the source's, most often) then
	if strings.IndexByte(s, '\\') >= 0 {
		if u := string(util.UnescapePunctuations([]byte(s))); u != s {
			s = u // "@jane\_doe" is "@jane_doe"
		}
	}
	if strings.IndexByte(s, '&') >= 0 {
		if u := html.UnescapeString(s); u != s {
			s = u
		}
	}
	if strings.IndexByte(s, ':') >= 0 && shortcodeRE.MatchString(s) {
		s = shortcodeRE.ReplaceAllString(s, "$1") // not for every URL or "Speaker: …"
	}
	if strings.HasPrefix(strings.TrimSpace(s), "[!") {
		s = calloutRE.ReplaceAllString(s, "") // "> [!note] Takeaways": the callout's kind is markup
	}
	if strings.ContainsFunc(s, isPictograph) {
		s = strings.Map(func(r rune) rune {
			if isPictograph(r) {
				return ' '
			}
			return r
		}, s)
	}
	if collapsed(s) {
		return s
	}
	if t := strings.TrimSpace(s); collapsed(t) {
		return t // white space only around it (a code line's indent): still the source's bytes
	}
	return strings.Join(strings.Fields(s), " ")
}

// collapsed reports whether s is its own strings.Join(strings.Fields(s), " "):
// no white space but single ASCII spaces between words. Most lines are, and
// then cleanText allocates nothing. A rune beyond ASCII is white space
// when strings.Fields says so (U+00A0, U+2003), and an invalid byte never.
func collapsed(s string) bool {
	prev := byte(' ') // a space at the start is not collapsed
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			b = 'x' // a letter, for the space after it
		case b == ' ':
			if prev == ' ' {
				return false
			}
		case b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r':
			return false
		}
		prev = b
	}
	return prev != ' ' || s == ""
}

// isPictograph reports whether r is an emoji or a pictographic symbol (or
// the joiner and selector that build emoji): decoration of a heading
// ("## 🚀 Launch Day"), never part of a name.
func isPictograph(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF ||
		r == 0xFE0F || r == 0x200D || r >= 0x1F1E6 && r <= 0x1F1FF
}

// Vault markup (extract/vault reads it; the finders must not see it as
// names). Kept apart so that it can be moved with the parser.

// embedRE matches an Obsidian embed, ![[file]].
var embedRE = regexp.MustCompile(`!\[\[([^\]\n]+)\]\]`)

// dropEmbeds removes embeds of attachments (![[diagram.png]] is a picture,
// never a Tool) and reads an embed of a note as a link to it.
func dropEmbeds(s string) string {
	if !strings.Contains(s, "![[") {
		return s
	}
	return strings.TrimSpace(embedRE.ReplaceAllStringFunc(s, func(m string) string {
		if vault.IsAttachment(embedRE.FindStringSubmatch(m)[1]) {
			return ""
		}
		return m[1:]
	}))
}

// dropTags removes #tags from a line's text: a tag is a Tag node of the
// vault, not a Concept or a Tool named "#x". A run of tags that opens or
// closes the line ("#inbox #todo", "Tags: #a #b") is markup and goes; a
// tag inside a sentence ("learned #Rust today") is a word and keeps it.
// (parse keeps a list item that is one hashtag, "- #BuildInPublic": notes
// list campaigns so; in a vault, extract/vault makes it one with its Tag.)
func dropTags(s string) string {
	if strings.IndexByte(s, '#') < 0 {
		return s
	}
	ms := vault.FindTags(s)
	if ms == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(ms); {
		j := i // the run ms[i..j]: tags apart by white space only
		for j+1 < len(ms) && strings.TrimSpace(s[ms[j][1]:ms[j+1][0]]) == "" {
			j++
		}
		edge := strings.TrimSpace(s[:ms[i][0]]) == "" || strings.TrimFunc(s[ms[j][1]:], func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r)
		}) == ""
		b.WriteString(s[last:ms[i][0]])
		if !edge {
			b.WriteString(strings.ReplaceAll(s[ms[i][0]:ms[j][1]], "#", ""))
		}
		last = ms[j][1]
		i = j + 1
	}
	b.WriteString(s[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}
