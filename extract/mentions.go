package extract

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// lineCtx is what the mention finders know about the line they read. One
// is held for every content line until pass 2 is done (3.9M on 100k
// generated notes): 64 bytes, its flags together. What only the walk
// reads (the line's words, the next line of its paragraph) is the
// extractor's, for the line it reads (extractor.words, contOf), and what
// few lines have is behind a pointer (self).
type lineCtx struct {
	l     *line
	e     *entry // the entry the line belongs to, or nil
	spans []span // the parts of the text mentions took
	// file is the line's file name, one string shared by the contexts of
	// the file's walk
	file *string
	// self, when the notes' author speaks of themselves on the line: what
	// those sentences name relates to the author. nil on most lines.
	self *selfSpans
	head int32 // mention index of the line's head ("X" in "X - about X"), or -1
	// created is set on lines under "Created some libraries": their heads
	// are things the entry's speakers created.
	created bool
	// pass2 restricts mentions to names already known.
	pass2 bool
	// title marks a talk's title: in Title Case capitals say nothing, so only
	// coined words and known names are read from it.
	title bool
	// loose is set while the finders that read word shapes run: what they
	// add is a loose mention (see mention.loose)
	loose bool
}

// selfSpans are the spans of the sentences of a line in which the notes'
// author (its mention) speaks of themselves.
type selfSpans struct {
	author int
	spans  [][2]int
}

func (c *lineCtx) ev() *graph.Evidence { return evidence(*c.file, c.l) }

// readLine is the line the walk's finders read last (c) and its words,
// tokenized once for them all. An extractor walks one line at a time on
// one goroutine, so one is enough; a line read inside another's reading (a
// head's description) only costs the other a second tokenizing. The words
// are no longer held with the line once it is read: pass 2 reads them
// again on the stack (knownIndex.find), and title topics once more.
type readLine struct {
	c  *lineCtx
	ws []word
}

// words returns the words of c's line, tokenizing once while the walk
// reads it. Only the walk calls it (the extractor's own goroutine), never
// pass 2 or the title topics on the pool.
func (x *extractor) words(c *lineCtx) []word {
	if x.read.c != c {
		x.read = readLine{c: c, ws: tokenize(c.l.Text)}
	}
	return x.read.ws
}

// contLine is the next line of the same paragraph as the line content
// reads (c): where a cue at the end of a wrapped line finds its object
// ("works for\nInitech"). Only that line's own finders read it (contOf).
type contLine struct {
	c    *lineCtx
	text string
}

// contOf returns the next line of c's paragraph when content is reading c,
// or "".
func (x *extractor) contOf(c *lineCtx) string {
	if x.cont.c == c {
		return x.cont.text
	}
	return ""
}

// evidence returns line l's evidence, made once and shared by all that the
// line states: a pointer in each mention and relation rather than a copy
// (40 bytes, millions of them).
func evidence(file string, l *line) *graph.Evidence {
	if l.ev != nil {
		return l.ev
	}
	l.ev = &graph.Evidence{File: file, Line: int(l.N), Text: evidenceText(l.Raw)}
	return l.ev
}

// evidenceText is a line's evidence text: its source, cut to 400 bytes.
func evidenceText(raw string) string {
	if len(raw) > 400 {
		cut := 400
		for cut > 0 && raw[cut]&0xC0 == 0x80 {
			cut--
		}
		return raw[:cut] + "…"
	}
	return raw
}

// free reports whether [a,b) overlaps no span taken on the line, and takes it.
func (c *lineCtx) take(a, b int) bool {
	for _, s := range c.spans {
		if a < int(s.b) && int(s.a) < b {
			return false
		}
	}
	c.spans = append(c.spans, span{int32(a), int32(b), -1})
	return true
}

// span is a part [a, b) of a line's text that a mention took, and the
// mention found there (m, -1 until added): 12 bytes, held for every
// mention until pass 2 is done.
type span struct{ a, b, m int32 }

// mentionAt returns the mention found at a span overlapping [a,b), or -1.
func (c *lineCtx) mentionAt(a, b int) int {
	for _, s := range c.spans {
		if a < int(s.b) && int(s.a) < b {
			return int(s.m)
		}
	}
	return -1
}

func (c *lineCtx) taken(a, b int) bool {
	for _, s := range c.spans {
		if a < int(s.b) && int(s.a) < b {
			return true
		}
	}
	return false
}

var (
	// "GIL = Global Interpreter Lock", "JIT: just in time"
	acrEqRE = regexp.MustCompile(`\b([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s*(?:=|:=|:|—|–|-|stands for|means)\s*([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){1,6})`)
	// "JIT (Just in time optimization)"
	acrParRE = regexp.MustCompile(`\b([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s*\(([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){1,6})\)`)
	// "Python Software Foundation (PSF)"
	expParRE = regexp.MustCompile(`\b([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){1,6})\s*\(([A-Z][A-Za-z0-9]*[A-Z])\)`)
	// "import dis", "from tinyweb import get"
	importRE = regexp.MustCompile(`^(?:>+\s*)?(?:from\s+([A-Za-z_][\w.]*)\s+import\b|import\s+([A-Za-z_][\w.]*)\s*$|(?:require|use)\s*\(?\s*['"]([\w./@-]+)['"])`)
	// "X - description", "X – description", "X: description"; the
	// first two are read by headDash and headColon (headmatch.go), these
	// are what they stand for (FuzzHeadMatch)
	headDashRE  = regexp.MustCompile(`^(.{1,48}?)\s+[-–—]{1,2}(?:\s+(.*))?$`)
	headColonRE = regexp.MustCompile(`^([^:]{1,48}):\s+(.+)$`)
	headCommaRE = regexp.MustCompile(`^([^,]{1,30}),\s+(.+)$`)
	headParRE   = regexp.MustCompile(`^([^()]{1,48}?)\s*\(([^()]*)\)\s*[.:]?$`)
)

// importMatch is importRE.FindStringSubmatch(t), run only when t, after
// the quote marks the regexp allows (`>+\s*`), starts with one of its
// keywords: most lines start with none.
func importMatch(t string) []string {
	i := 0
	for i < len(t) && t[i] == '>' {
		i++
	}
	if i > 0 {
		i = spaceRun(t, i)
	}
	switch r := t[i:]; {
	case strings.HasPrefix(r, "from"), strings.HasPrefix(r, "import"), strings.HasPrefix(r, "require"), strings.HasPrefix(r, "use"):
		return importRE.FindStringSubmatch(t)
	}
	return nil
}

// acronymOf reports whether acr abbreviates the words of exp: its letters are
// the initials of exp's words in order, the first matching the first word.
// Words may be skipped ("Just in time optimization" → JIT).
func acronymOf(acr, exp string) bool {
	ws := strings.Fields(strings.ReplaceAll(exp, "-", " "))
	letters := []rune(strings.ToLower(acr))
	if len(ws) < 2 || len(letters) < 2 {
		return false
	}
	if []rune(strings.ToLower(ws[0]))[0] != letters[0] {
		return false
	}
	i := 0
	for _, w := range ws {
		if i < len(letters) && []rune(strings.ToLower(w))[0] == letters[i] {
			i++
		}
	}
	return i == len(letters)
}

// trimExpansion cuts an expansion to the words its acronym covers:
// "Global Interpreter Lock GIL is" → "Global Interpreter Lock".
func trimExpansion(acr, exp string) string {
	ws := strings.Fields(exp)
	letters := []rune(strings.ToLower(acr))
	i, last := 0, 0
	for j, w := range ws {
		if i < len(letters) && []rune(strings.ToLower(w))[0] == letters[i] {
			i++
			last = j
		}
	}
	if i < len(letters) {
		return exp
	}
	// keep one trailing word when it is part of the term ("Just in time optimization")
	if last+1 < len(ws) && len(ws) <= len(letters)+2 && !isWordStop(ws[last+1]) {
		last++
	}
	return strings.Join(ws[:last+1], " ")
}

func isWordStop(w string) bool {
	switch strings.ToLower(w) {
	case "is", "are", "was", "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "that", "which", "it":
		return true
	}
	return false
}

// findMentions runs the mention finders over one content line.
func (x *extractor) findMentions(c *lineCtx) {
	l := c.l
	t := l.Text
	if c.pass2 {
		x.knownNames(c)
		return
	}
	if c.title {
		x.shapes(c)
		return
	}
	x.links(c)
	for _, code := range l.Codes {
		if i := strings.Index(t, code); i >= 0 {
			c.take(i, i+len(code)) // code is never read as prose, named or not
		}
		if name, ok := x.thingName(codeName(code)); ok && fieldCount(name) == 1 && !placeholder(name) {
			m := x.add(c, name, graph.Tool, 5)
			// `data`, `path`: in a manual's code, a plain word is a
			// parameter; in a talk's notes (`iter`, `yield`) it is a topic
			x.ms[m].loose = isLower(name) && isDictWord(name) && (c.e == nil || c.e.kind == entLabel)
			x.attach(c, m, false)
		}
	}
	if m := importMatch(t); m != nil {
		name := m[1] + m[2] + m[3]
		name = strings.Split(name, ".")[0]
		if i := strings.Index(t, name); i >= 0 {
			c.take(i, i+len(name))
		}
		x.attach(c, x.add(c, name, graph.Tool, 6), false)
		c.take(0, len(t))
		return
	}
	if l.Kind == kindCode {
		return // a code block is code: what it imports is named, nothing else
	}
	x.wikilinks(c)
	cl := x.cueText(c)
	x.proseTalk(c, cl)
	x.acronyms(c)
	c.loose = true
	x.headSplit(c)
	x.quotedTerms(c)
	x.explainedItems(c)
	x.bulletSubject(c)
	x.questionObject(c)
	c.loose = false
	x.cues(c, cl)
	x.namedWork(c)
	x.versus(c)
	x.examples(c)
	x.toolSuffix(c)
	c.loose = true
	x.wholeLine(c)
	x.terms(c)
	x.shapes(c)
	x.listPeers(c)
	c.loose = false
}

// listPeers reads a comma list whose items are mostly names already
// ("support: mysql, mssql, postgres, ssh", "(tls, tokens, approle)"): its
// other one-word items are names of the same kind, unless English has
// them ("tokens"). A list is one kind of thing; a given name or a word of a
// large dictionary among them ("cassandra", "ssh") is its peers' kind.
func (x *extractor) listPeers(c *lineCtx) {
	t := c.l.Text
	if strings.Count(t, ",") < 2 {
		return
	}
	for _, seg := range listSegments(t) {
		type item struct{ a, b int }
		var items []item
		for a := seg[0]; a < seg[1]; {
			b := strings.IndexByte(t[a:seg[1]], ',')
			if b < 0 {
				b = seg[1]
			} else {
				b += a
			}
			i, j := a, b
			for i < j && t[i] == ' ' {
				i++
			}
			for j > i && t[j-1] == ' ' {
				j--
			}
			items = append(items, item{i, j})
			a = b + 1
		}
		if len(items) < 3 {
			continue
		}
		named, typ := 0, ""
		types := map[string]int{}
		for _, it := range items {
			if m := c.mentionAt(it.a, it.b); m >= 0 && x.ms[m].typ() != graph.Link && x.ms[m].typ() != graph.Person {
				named++
				types[x.ms[m].typ()]++
			}
		}
		if 2*named < len(items) || named == len(items) {
			continue
		}
		for k, n := range types {
			if n > types[typ] || n == types[typ] && k < typ {
				typ = k
			}
		}
		for _, it := range items {
			w := t[it.a:it.b]
			if it.a >= it.b || c.taken(it.a, it.b) || strings.ContainsAny(w, " ()[]:;") || !isAlpha(strings.ReplaceAll(w, "-", "")) ||
				len(w) < 2 || isWord(w) || x.rules.stop[strings.ToLower(w)] || x.rules.generic[strings.ToLower(w)] || x.rules.workWords[strings.ToLower(w)] {
				continue
			}
			if !c.take(it.a, it.b) {
				continue
			}
			x.attach(c, x.add(c, w, typ, 3), false)
		}
	}
}

// listSegments are the parts of a line that may hold one comma list: the
// text after a label ("support: a, b, c"), each parenthesized part, and
// the whole line otherwise.
func listSegments(t string) [][2]int {
	var out [][2]int
	rest := [2]int{0, len(t)}
	if k := strings.Index(t, ": "); k > 0 && k < 30 {
		rest[0] = k + 2
	}
	for i := rest[0]; i < len(t); i++ {
		if t[i] != '(' {
			continue
		}
		j := strings.IndexByte(t[i:], ')')
		if j < 0 {
			break
		}
		out = append(out, [2]int{i + 1, i + j})
		i += j
	}
	if len(out) == 0 {
		out = append(out, rest)
	}
	return out
}

// wholeLine reads a short line that is nothing but names: "Clint",
// "make & ninja", "Build Tools Installer".
func (x *extractor) wholeLine(c *lineCtx) {
	t := c.l.Text
	off := 0 // where t starts in the line
	// "run: nomad, consul": a label, then a list of names
	labelled := false
	if k := strings.Index(t, ": "); k > 0 && fieldCount(t[:k]) <= 2 && strings.Contains(t[k:], ", ") && len(c.spans) == 0 {
		t, labelled, off = t[k+2:], true, k+2
	}
	if len(c.spans) > 0 || fieldCount(t) > 5 {
		return
	}
	if !x.wholeLineNames(t) {
		return
	}
	// a sub-heading of a talk's notes names what that part is about: "Story
	// problems", "Coding challenges" (not "Notes", "Q&A")
	subhead := c.l.Kind == kindHeading && c.e != nil && c.e.kind == entTalk && !c.title && !x.genericHeading(t)
	if subhead {
		ws := strings.Fields(strings.ToLower(strings.Trim(t, " :*_.!?")))
		last := strings.TrimSuffix(ws[len(ws)-1], "s")
		if len(ws) > 3 || slices.ContainsFunc(ws, func(w string) bool { return w == "of" || w == "vs" || w == "vs." || w == "and" }) ||
			len(ws) > 1 && (x.rules.generic[last] || x.rules.generic[ws[len(ws)-1]] || x.rules.detailFields[ws[len(ws)-1]] || x.rules.workWords[ws[len(ws)-1]]) {
			return // "Features of pytest", "Major takeaways", "Django apps": what the part says, not a topic
		}
		if len(ws) == 2 && x.rules.toolSuffixes[ws[1]] || len(ws) == 2 && ws[1] == "tool" {
			t = strings.Fields(t)[0] // "Nondescript tool": the tool is "Nondescript"
		}
	}
	var parts []string
	split := splitPeople(t)
	// "open standards and portability": two lower-case things. Not "weak and
	// strong references", where the first word shares the second's noun.
	coord := len(split) == 2 && isLower(t) && !strings.Contains(t, ",") &&
		(fieldCount(split[0]) > 1 || isPlural(split[0])) && fieldCount(split[1]) == 1
	for _, p := range split {
		if p = strings.TrimSpace(p); p != "" && p[0] >= '0' && p[0] <= '9' {
			return // "a talk, 45 minutes": a figure among the parts
		}
		n, ok := x.thingName(p)
		if !ok || fieldCount(n) > 3 || strings.Contains(t, " -") || strings.ContainsAny(n, "=()") {
			return // "pip install --use-mirrors" is a command
		}
		ws := strings.Fields(n)
		if len(ws) > 1 && !allNamed(ws) && !isLower(n) && !(subhead && sentenceCase(ws)) {
			return
		}
		for _, w := range ws[1:] {
			if lw := strings.ToLower(w); x.rules.stop[lw] && !isParticle(lw) {
				return // "play is social": a sentence, not names
			} else if isLower(n) && (lw == "for" || lw == "in" || lw == "on") {
				return // "plotters for charts": a name and what it is for
			}
		}
		// a plural is a noun: "logs, metrics, traces" are things
		if len(split) > 1 && len(ws) == 1 && !x.nameLike(n) && !coord && !labelled && !(isLower(t) && (isPlural(n) || strings.HasSuffix(n, "ics"))) {
			return // "Quiet, small town"
		}
		parts = append(parts, n)
	}

	for _, n := range parts {
		i := strings.Index(t, n)
		if i < 0 || !c.take(off+i, off+i+len(n)) {
			continue
		}
		if _, isPerson := x.personName(n, headPos); isPerson {
			x.attach(c, x.add(c, n, graph.Person, 4), false)
			continue
		}
		typ, str := x.typeHint(n, "")
		x.attach(c, x.add(c, n, typ, str+1), false)
	}
}

// sentenceCase reports whether words are written as a sentence: a capital
// on the first word only ("Coding challenges").
func sentenceCase(ws []string) bool {
	return len(ws) > 1 && isCap(ws[0]) && isLower(ws[0][1:]) && isLower(strings.Join(ws[1:], " "))
}

// typo reports whether w is a one-off misspelling of a word: one edit from
// a dictionary word and written once. A coined name made from a word
// ("Fetchy") is written again.
func (x *extractor) typo(w string) bool {
	return !x.many(strings.ToLower(w)) && nearWord(w)
}

// allDict reports whether every word of ws is a dictionary word.
func allDict(ws []word) bool {
	for _, w := range ws {
		if !isDictWord(stripPossessive(w.s)) || isAcronym(w.s) {
			return false
		}
	}
	return true
}

// titleObject reports whether word i of a title is what the talk is done
// in or with: "… in Rust", "… with Sled and Tokio", "… using Kettle".
func titleObject(ws []word, i int) bool {
	switch strings.ToLower(ws[i-1].s) {
	case "in", "with", "using", "via":
		return true
	case "and", "&":
		return i >= 3 && titleObject(ws, i-2)
	}
	return false
}

// nameRun reports whether title word i is part of a longer name: after a
// given name ("Mara Quill") or before another word no dictionary has or an
// acronym ("Travis CI").
func nameRun(ws []word, i int) bool {
	if i > 0 && (isFirstName(ws[i-1].s) || isCap(ws[i-1].s) && !isDictWord(ws[i-1].s)) {
		return true
	}
	if i+1 < len(ws) && isCap(ws[i+1].s) && (isAcronym(ws[i+1].s) || !isDictWord(ws[i+1].s)) {
		return true
	}
	return false
}

// toolShaped reports whether w is letters, then maybe digits and hyphens:
// the shape of a command or a package ("etcd", "lz4", "gzip"); not an
// abbreviation ("i.e") or an address.
func toolShaped(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r != '-':
			letters++
		}
	}
	if letters < 2 || digits > letters {
		return false // "x40-120" is a figure
	}
	return !strings.HasSuffix(w, "-")
}

// wholeLineNames is wholeLine's guard: the kinds of short lines that are
// not names however short they are.
func (x *extractor) wholeLineNames(t string) bool {
	low := strings.ToLower(strings.Trim(t, " :*_.!?"))
	switch {
	case t == "" || t[0] >= '0' && t[0] <= '9':
		return false // "20 years", "4 new talks": a figure, not a name
	case strings.Contains(t, ": "):
		return false // "Q: Hardware", "Example: Lego": a field
	case x.rules.detailFields[low] || x.rules.labels[low] || x.rules.generic[low]:
		return false // "Details", "Presenters": a label
	case domainRE.MatchString(t):
		return false // "status.example.io", "example.com/x": an address
	case installRE.MatchString(t):
		return false // "npm install left-pad": a command
	}
	ws := strings.Fields(t)
	if len(ws) == 1 && isCap(ws[0]) && (isWord(low) || isDictWord(low)) && !isCoined(ws[0]) {
		return false // "Architecture", "Drawbacks": a section word, not a name
	}
	if len(ws) > 1 && isVerb(ws[0]) && !isCoined(ws[0]) && (isLower(ws[0]) || isDictWord(ws[1])) {
		return false // "fix issues", "Engage the community": what to do, not a name
	}
	return true
}

// installRE matches a package manager's command line.
var installRE = regexp.MustCompile(`^(?:npm|npx|yarn|pnpm|pip|pip3|pipx|brew|apt|apt-get|cargo|gem|go|composer|conda)\s+(?:install|add|get|i|run)\b`)

// codeName is what a code span names: a call's function ("fs.write(data" →
// "fs.write"); a span that is a path, a flag or a shell line names nothing.
func codeName(code string) string {
	code = strings.TrimSpace(code)
	if strings.HasPrefix(code, "/") || strings.HasPrefix(code, "./") || strings.HasPrefix(code, "~/") || strings.HasPrefix(code, "-") {
		return ""
	}
	if i := strings.IndexByte(code, '('); i > 0 {
		code = code[:i]
	}
	return code
}

// placeholder reports whether a name is an example's stand-in for the
// reader's own value: "YOUR_API_KEY", "REPLACE_ME", "my-custom-plugin",
// "myLogger", "your-username".
func placeholder(name string) bool {
	// an ASCII name is compared in ASCII case, without lowering it
	var kb [32]byte
	low, ascii := lowerASCII(kb[:0], name)
	if !ascii {
		low = []byte(strings.ToLower(name))
	}
	for _, p := range []string{"your_", "your-", "my_", "my-", "replace_me", "replace-me", "xxx", "changeme"} {
		if len(low) >= len(p) && string(low[:len(p)]) == p {
			return true
		}
	}
	// "myLogger", "yourToken": a lower-case my/your and a capital
	for _, p := range []string{"my", "your"} {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && unicode.IsUpper(rune(rest[0])) {
			return true
		}
	}
	return false
}

// siteName reports whether a name is a web site's address written without
// its scheme ("docs.example.io", "example.org"): an address, not a thing.
// A capitalized name on a ".io" or ".ai" is a product's ("Crates.io").
func siteName(name string) bool {
	if strings.IndexByte(name, '.') <= 0 || strings.Contains(name, " ") || !siteRE.MatchString(name) {
		return false
	}
	ext := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
	return isLower(name) || ext != "io" && ext != "ai" && ext != "app" && ext != "dev"
}

// siteTLDs are the endings of web addresses that notes write without a
// scheme (domainRE, siteRE).
const siteTLDs = `com|org|net|io|ly|do|dev|co|me|ai|app|gl|gov|edu|info|sh|to|us|uk|de`

var siteRE = regexp.MustCompile(`(?i)^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:` + siteTLDs + `)$`)

// domainRE matches an address written without its scheme: "bit.ly/x",
// "docs.example.io".
var domainRE = regexp.MustCompile(`(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:` + siteTLDs + `)(?:/\S*)?\b`)

// links turns URLs into Link nodes, repository and package URLs into tools,
// and short link texts into things.
func (x *extractor) links(c *lineCtx) {
	for _, lk := range c.l.Links {
		if lk.Text != "" {
			if i := strings.Index(c.l.Text, lk.Text); i >= 0 && !c.taken(i, i+len(lk.Text)) {
				if name, ok := x.thingName(lk.Text); ok && x.nameLike(name) && (fieldCount(name) == 1 || allNamed(strings.Fields(name))) {
					c.take(i, i+len(lk.Text))
					x.attach(c, x.add(c, name, "", 0), false)
				} else {
					x.linkPhrase(c, lk.Text)
				}
			}
		}
		u, err := url.Parse(lk.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		if i := strings.Index(c.l.Text, lk.URL); i >= 0 {
			c.take(i, i+len(lk.URL))
		} else if i := strings.Index(c.l.Text, strings.TrimPrefix(strings.TrimPrefix(lk.URL, "http://"), "https://")); i >= 0 {
			c.take(i, i+len(lk.URL))
		}
		li := x.add(c, canonicalURL(u), graph.Link, 9)
		x.ms[li].url = true
		x.attachLink(c, li)
		if name := packageName(u); name != "" {
			x.attach(c, x.add(c, name, graph.Tool, 6), false)
		}
	}
}

// canonicalURL drops a URL's fragment and trailing slash so that one page is
// one node.
func canonicalURL(u *url.URL) string {
	v := *u
	v.Fragment = ""
	v.Host = strings.ToLower(v.Host)
	s := v.String()
	return strings.TrimSuffix(s, "/")
}

// packageName returns the project a repository or package-index URL names:
// github.com/owner/repo, pypi.org/project/x, npmjs.com/package/x, …
func packageName(u *url.URL) string {
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	parts := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	at := func(i int) string {
		if i < len(parts) {
			return strings.TrimSuffix(parts[i], ".git")
		}
		return ""
	}
	switch host {
	case "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sr.ht", "git.sr.ht":
		if len(parts) >= 2 {
			return at(1)
		}
	case "pypi.org", "pypi.python.org":
		if len(parts) >= 2 && (parts[0] == "project" || parts[0] == "pypi") {
			return at(1)
		}
	case "npmjs.com", "npmjs.org":
		if len(parts) >= 2 && parts[0] == "package" {
			return strings.Join(parts[1:], "/")
		}
	case "crates.io":
		if len(parts) >= 2 && parts[0] == "crates" {
			return at(1)
		}
	case "pkg.go.dev":
		if len(parts) >= 1 {
			return parts[len(parts)-1]
		}
	case "rubygems.org":
		if len(parts) >= 2 && parts[0] == "gems" {
			return at(1)
		}
	}
	return ""
}

// nameLike reports whether a cleaned name carries a sign of being a name:
// a capital, a coined word, or a word that is not common English.
func (x *extractor) nameLike(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if isCap(w) || isCoined(w) || !isWord(w) && len(w) > 2 {
			return !x.rules.notNames[name]
		}
	}
	return false
}

func (x *extractor) acronyms(c *lineCtx) {
	t := c.l.Text
	if !hasUpperRun(t) {
		return // every pattern needs an acronym: two capitals
	}
	try := func(acr, exp string, a, b int) {
		if x.rules.notNames[acr] || !acronymOf(acr, exp) {
			return
		}
		exp = trimExpansion(acr, exp)
		if !c.take(a, b) {
			return
		}
		i := x.add(c, acr, graph.Concept, 4)
		j := x.add(c, exp, graph.Concept, 4)
		x.union(i, j)
		x.attach(c, i, false)
	}
	paren := strings.Contains(t, "(")
	for _, m := range acrEqRE.FindAllStringSubmatchIndex(t, -1) {
		try(t[m[2]:m[3]], t[m[4]:m[5]], m[0], m[1])
	}
	if !paren {
		return
	}
	for _, m := range acrParRE.FindAllStringSubmatchIndex(t, -1) {
		try(t[m[2]:m[3]], t[m[4]:m[5]], m[0], m[1])
	}
	for _, m := range expParRE.FindAllStringSubmatchIndex(t, -1) {
		exp := t[m[2]:m[3]]
		acr := t[m[4]:m[5]]
		// keep only the last words of the phrase before "(ACR)"
		ws := strings.Fields(exp)
		n := len([]rune(acr))
		if len(ws) > n+1 {
			ws = ws[len(ws)-n-1:]
		}
		for len(ws) > n && !strings.EqualFold(ws[0][:1], acr[:1]) {
			ws = ws[1:]
		}
		exp = strings.Join(ws, " ")
		a := m[3] - len(exp)
		try(acr, exp, a, m[1])
	}
}

var (
	// what stands before a talk verb: "Jane Doe", "Jane Doe (Initech)", "Jane Doe from Initech"
	proseWhoRE = regexp.MustCompile(`([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){1,3})(?:\s*\(([^()]{1,40})\)|\s+(?:from|of|at)\s+([\p{Lu}][\w.&-]*(?:\s+[\p{Lu}][\w.&-]*){0,2}))?\s*,?\s*$`)
	// a quoted title: "Fast Builds", 'Fast Builds', “Fast Builds”
	quotedRE = regexp.MustCompile(`^\s*["“'‘]([^"”'’]{3,120})["”'’]`)
)

// proseTalk reads running prose that says who gave a talk: "Jane Doe from
// Initech talked about 'Fast Builds'" (a talk) or "… talked about tracing"
// (a topic the person covers).
func (x *extractor) proseTalk(c *lineCtx, cl cueText) {
	t, low := c.l.Text, cl.low
	if !cl.ok {
		return
	}
	for _, v := range x.rules.talkVerbs.find(low, cl.mask) {
		m := proseWhoRE.FindStringSubmatchIndex(t[:v[0]])
		if m == nil {
			// "She also showed ArviZ": the speaker of the sentence before, in
			// the same paragraph
			if pr := x.prose; pr.m >= 0 && pr.file == *c.file && (int(c.l.N) == pr.line || !c.l.First && int(c.l.N)-pr.line <= 2) && pronounRE.MatchString(t[:v[0]]) {
				x.proseObject(c, pr.m, t, v[1])
			}
			continue
		}
		m[2] = x.skipOpener(t, m[2], m[3])
		ps := x.people(t[m[2]:m[3]], headPos)
		if vb := low[v[0]:v[1]]; ps == nil && (strings.Contains(vb, "talk") || strings.Contains(vb, "keynote") || strings.Contains(vb, "presentation")) {
			ps = x.people(t[m[2]:m[3]], strongPos) // "gave a talk on" vouches for a speaker, whatever their given name
		}
		if len(ps) != 1 {
			continue
		}
		ev := c.ev()
		if !c.take(m[2], m[3]) {
			continue
		}
		p := x.add(c, ps[0], graph.Person, 7)
		x.prose = proseSpeaker{m: p, file: *c.file, line: int(c.l.N)}
		org := ""
		if m[4] >= 0 {
			org = t[m[4]:m[5]]
		} else if m[6] >= 0 {
			org = t[m[6]:m[7]]
		}
		if o, ok := x.thingName(org); ok && x.nameLike(o) && !strings.HasPrefix(o, "@") {
			if c.take(strings.Index(t, o), strings.Index(t, o)+len(o)) {
				x.relate(p, graph.WorksAt, x.add(c, o, graph.Organization, 6), ev)
			}
		}
		rest := t[v[1]:]
		if title, ok := emphAt(c.l, rest); ok && x.isTitle(title) {
			if i := v[1] + strings.Index(rest, title); c.take(i, i+len(title)) {
				x.relate(p, graph.Gave, x.add(c, title, graph.Talk, 9), ev)
				continue
			}
		}
		if q := quotedRE.FindStringSubmatchIndex(rest); q != nil {
			title := rest[q[2]:q[3]]
			if x.isTitle(title) && c.take(v[1]+q[2], v[1]+q[3]) {
				tk := x.add(c, title, graph.Talk, 9)
				x.relate(p, graph.Gave, tk, ev)
				continue
			}
		}
		x.proseObject(c, p, t, v[1])
	}
}

// possessiveWorkRE finds "<Name>'s <adjectives> implementation" before a
// "named X": the work is the person's.
var (
	possessiveWorkRE = regexp.MustCompile(`([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:implementation|library|project|tool|framework|app|package|module|prototype|port|rewrite|fork)\b`)
	namedRE          = regexp.MustCompile(`(?i)\b(?:named|called|dubbed)\s+`)
)

// namedWork reads "a review of Obi's implementation, aptly named zapline":
// the person whose implementation (library, project, …) it is CREATED the
// thing named. The person is one the line or its entry already names (a
// speaker, by full name or surname).
func (x *extractor) namedWork(c *lineCtx) {
	t := c.l.Text
	if !strings.Contains(t, "amed") && !strings.Contains(t, "alled") && !strings.Contains(t, "ubbed") {
		return // a cheap test before the regexp
	}
	for _, nm := range namedRE.FindAllStringIndex(t, -1) {
		start := strings.LastIndexAny(t[:nm[0]], ".!?") + 1
		pm := possessiveWorkRE.FindStringSubmatchIndex(t[start:nm[0]])
		if pm == nil {
			continue
		}
		who := t[start+pm[2] : start+pm[3]]
		p := x.personCalled(c, who)
		if p < 0 {
			continue
		}
		rest := t[nm[1]:]
		obj, oa, ob := x.objectAfter(rest)
		if obj == "" {
			continue
		}
		a, b := nm[1]+oa, nm[1]+ob
		o := c.mentionAt(a, b)
		if o < 0 && x.nameLike(obj) && c.take(a, b) {
			typ, str := x.typeHint(obj, "")
			o = x.add(c, obj, typ, str)
			x.attach(c, o, false)
		}
		if o >= 0 && x.ms[o].typ() != graph.Person && x.ms[o].typ() != graph.Link {
			x.relate(p, graph.Created, o, c.ev())
		}
	}
}

// personCalled returns the person of c's entry or line whose name, or last
// name, is name; -1 when there is none.
func (x *extractor) personCalled(c *lineCtx, name string) int {
	var cands []int
	if c.e != nil {
		cands = append(cands, c.e.speakers...)
	}
	for _, s := range c.spans {
		if m := int(s.m); m >= 0 && x.ms[m].typ() == graph.Person {
			cands = append(cands, m)
		}
	}
	for _, m := range cands {
		full := x.ms[m].name
		if strings.EqualFold(full, name) || !strings.Contains(name, " ") && strings.HasSuffix(strings.ToLower(full), " "+strings.ToLower(name)) {
			return m
		}
	}
	return -1
}

// proseSpeaker is the person whose talk the latest line of prose told of,
// for a pronoun in the next lines.
type proseSpeaker struct {
	m    int // mention, -1 for none
	file string
	line int
}

var pronounRE = regexp.MustCompile(`(?i)(?:^|[.!?;]\s+)(?:she|he|they)(?:\s+(?:also|then|later|even|briefly|mostly))?\s*$`)

// proseObject relates person p to the topic named after a talk verb that
// ends at t[at:]: "… talked about supply chain attacks" COVERS it.
func (x *extractor) proseObject(c *lineCtx, p int, t string, at int) {
	rest := t[at:]
	trimmed := strings.TrimLeft(rest, " ")
	obj, oa, ob := x.objectAfter(trimmed)
	if obj == "" {
		return
	}
	if isLower(obj) {
		// a topic in lower case runs on: "talked about supply chain attacks"
		base, prev := ob, 0
		for k, w := range tokenize(trimmed[base:]) {
			if k == 2 || strings.TrimSpace(trimmed[base+prev:base+w.start]) != "" || !isLower(w.s) || x.rules.stop[w.s] {
				break
			}
			obj, ob, prev = trimmed[oa:base+w.end], base+w.end, w.end
		}
	}
	off := at + len(rest) - len(trimmed)
	if c.take(off+oa, off+ob) {
		typ, str := x.typeHint(obj, "")
		x.relate(p, graph.Covers, x.add(c, obj, typ, str), c.ev())
	} else if o := c.mentionAt(off+oa, off+ob); o >= 0 {
		x.relate(p, graph.Covers, o, c.ev())
	}
}

// emphAt returns the emphasized span of l that s starts with: "talked
// about *Accessible Docs*".
func emphAt(l *line, s string) (string, bool) {
	s = strings.TrimLeft(s, " ")
	for _, e := range l.Emph {
		if e = cleanText(e); e != "" && strings.HasPrefix(s, e) {
			return e, true
		}
	}
	return "", false
}

// skipOpener moves a the start of a name in t[a:b] past a capitalized
// sentence opener that is a common word, not a given name: "Later Wen Li",
// "Then Obi Nwankwo".
func (x *extractor) skipOpener(t string, a, b int) int {
	ws := strings.Fields(t[a:b])
	if len(ws) >= 3 && isWord(ws[0]) && !isFirstName(ws[0]) {
		return a + strings.Index(t[a:b], ws[1])
	}
	return a
}

// wordIndex returns the index of phrase in s as whole words, or -1.
func wordIndex(s, phrase string) int {
	from := 0
	for {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		a, b := from+i, from+i+len(phrase)
		if (a == 0 || !isWordByte(s[a-1])) && (b == len(s) || !isWordByte(s[b])) {
			return a
		}
		from = a + 1
	}
}

// wikilinks reads [[Page]] and [[Page|label]] links of wiki-style vaults:
// the page is a thing (or a person) the writer chose to link.
func (x *extractor) wikilinks(c *lineCtx) {
	t := c.l.Text
	from := 0
	for _, name := range c.l.Wiki {
		i := strings.Index(t[from:], name)
		if i < 0 {
			continue
		}
		a, b := from+i, from+i+len(name)
		from = b
		if !c.take(a, b) {
			continue
		}
		if p, ok := x.personName(name, headPos); ok {
			x.attach(c, x.add(c, p, graph.Person, 6), c.head >= 0)
			continue
		}
		typ, str := x.typeHint(name, "")
		x.attach(c, x.add(c, name, typ, str+3), c.head >= 0)
	}
}

// headSplit reads "X - about X", "X: about X", "X, about X" and "X (about X)":
// X is a thing, and the things named in the description relate to it.
func (x *extractor) headSplit(c *lineCtx) {
	if c.head >= 0 {
		return // the section named the head already ("- Tom Berg — …" among people)
	}
	t := c.l.Text
	if k := strings.Index(t, ": "); k > 0 && isLower(t[:k]) && isVerb(t[:k]) && strings.Contains(t[k:], ", ") {
		return // "run: nomad, consul": a verb labels a list (wholeLine reads it)
	}
	var name, desc string
	var m []string
	// the comma form only for short, name-shaped heads: "Sagrada, mozilla's queue"
	match := func(re func(string) []string, need bool) []string {
		if !need {
			return nil
		}
		return re(t)
	}
	if m = match(headDash, strings.Contains(t, " -") || containsAny(t, "–—")); m == nil {
		if m = match(headColon, strings.Contains(t, ":")); m == nil {
			if m = match(headParRE.FindStringSubmatch, strings.HasSuffix(strings.TrimRight(t, ".: "), ")")); m != nil {
				if ws := strings.Fields(m[1]); len(ws) > 1 && !allNamed(ws) {
					m = nil // "GIL protects (imagine …)" is a sentence
				}
			}
			if m == nil {
				if m = match(headCommaRE.FindStringSubmatch, strings.Contains(t, ",")); m != nil {
					// only a name-shaped head: "Sagrada, a queue", not "First, …"
					ws := strings.Fields(m[1])
					if len(ws) > 2 || !x.isNameShaped(ws[0]) && !(len(ws) == 2 && allNamed(ws)) {
						m = nil
					}
				}
			}
		}
	}
	if m == nil {
		return
	}
	name, desc = m[1], m[2]
	// "Trust boundaries–example: …": a dash inside a word (not a hyphen)
	// joins the head to a label of its own
	if i := indexAny(name, "–—"); i > 0 && name[i-1] != ' ' && i+3 < len(name) && name[i+3] != ' ' {
		name = name[:i]
	}
	n, ok := x.thingName(name)
	if !ok {
		// "defer statement - …": a keyword and a content word
		ws := strings.Fields(strings.TrimSpace(name))
		if len(ws) != 2 || !c.l.Item || !isLower(ws[0]) || !x.rules.stop[ws[0]] || x.rules.stop[strings.ToLower(ws[1])] || !isAlpha(ws[1]) {
			return // not "MAY 16", a date
		}
		n = strings.Join(ws, " ")
	}
	if x.rules.labels[strings.ToLower(n)] || x.rules.generic[strings.ToLower(n)] {
		return
	}
	if isLower(n) && isWord(n) && !isCoined(n) {
		return // "support - …", "map: …": an everyday word heads a note, it names nothing
	}
	var wb [8]string
	ws := appendFields(wb[:0], n)
	if len(ws) > 2 && !allNamed(ws) {
		return
	}
	if len(ws) > 1 && !x.nameLike(n) && !c.l.Item && c.l.Depth == 0 {
		return
	}
	if len(ws) > 1 {
		if suf := strings.ToLower(ws[len(ws)-1]); x.rules.toolSuffixes[suf] && len(ws) == 2 {
			n = ws[0]
		}
	}
	if strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s") {
		return // "Hannah's library, …" names a person's thing, not a thing
	}
	if _, isPerson := x.personName(n, weakPos); isPerson {
		return
	}
	i := strings.Index(t, n)
	if i < 0 {
		i = 0
	}
	c.take(i, i+len(n))
	typ, str := x.typeHint(n, desc)
	h := x.add(c, n, typ, str+1)
	c.head = int32(h)
	x.attach(c, h, false)
}

// cues finds "X similar to Y", "works at Y", "created Y", "Y creator".
func (x *extractor) cues(c *lineCtx, cl cueText) {
	t, low, findIn, mask := c.l.Text, cl.low, cl.findIn, cl.mask
	if !cl.ok {
		return // case folding changed byte offsets (rare scripts): no cues
	}
	for _, cu := range x.rules.cues {
		for _, ph := range cu.find(findIn, mask) {
			m := []int{ph[0], ph[1] + 1, ph[0], ph[1]}
			rest := ""
			if m[1] <= len(t) {
				rest = t[m[1]:]
			}
			obj, oa, ob := x.objectAfter(rest)
			strongCue := low[m[2]:m[3]] != "like" && low[m[2]:m[3]] != "using"
			if obj == "" && strings.TrimSpace(rest) == "" && x.contOf(c) != "" && strongCue {
				// the object opens the next line of a wrapped paragraph
				if o, _, _ := x.objectAfter(x.contOf(c)); o != "" && x.nameLike(o) {
					typ, str := x.typeHint(o, "")
					if cu.rel == graph.WorksAt {
						typ, str = graph.Organization, 7
					}
					oi := x.add(c, o, typ, str)
					if subj := x.cueSubject(c, ph[0]); subj >= 0 {
						x.relate(subj, cu.rel, oi, c.ev())
					} else {
						x.cueRelation(c, cu.rel, oi)
					}
					continue
				}
			}
			at := ph[0]
			subject := func() int { return x.cueSubject(c, at) } // only for a relation made
			if obj == "" {
				if cu.rel == graph.Created && c.e != nil && len(c.e.speakers) > 0 {
					c.created = true // "Created some libraries:" the next lines name them
				}
				continue
			}
			a, b := m[1]+oa, m[1]+ob
			if c.taken(a, b) {
				if o := c.mentionAt(a, b); o >= 0 {
					if subj := subject(); subj >= 0 {
						x.relate(subj, cu.rel, o, c.ev())
					} else {
						x.cueRelation(c, cu.rel, o) // "based on `mustache`"
					}
				}
				continue
			}
			if !strongCue && !x.nameLike(obj) {
				continue
			}
			if cu.rel != graph.WorksAt && !x.nameLike(obj) && cu.rel != graph.SimilarTo {
				continue
			}
			c.take(a, b)
			typ, str := x.typeHint(obj, wordAfter(t, b)) // "built on the Zephyr kernel"
			if cu.rel == graph.WorksAt {
				typ, str = graph.Organization, 7
			} else if cu.rel == graph.Uses && typ == graph.Concept && str == 0 && fieldCount(obj) == 1 && isCap(obj) {
				typ, str = graph.Tool, 2 // "uses Flink": a name that is used is a tool
			}
			o := x.add(c, obj, typ, str)
			x.attach(c, o, true)
			if subj := subject(); subj >= 0 {
				x.relate(subj, cu.rel, o, c.ev())
			} else {
				x.cueRelation(c, cu.rel, o)
			}
		}
	}
	// suffix cues: "(Grove creator)"
	ws := x.words(c)
	for i := 1; i < len(ws); i++ {
		rel, ok := foldLookupShaped(x.rules.suffixCues, x.rules.suffixCueShape, ws[i].s)
		if !ok {
			continue
		}
		prev := ws[i-1]
		if !x.isNameShaped(prev.s) && !isCap(prev.s) {
			continue
		}
		if !c.take(prev.start, prev.end) {
			continue
		}
		typ, str := x.typeHint(prev.s, "")
		if rel == graph.WorksAt {
			typ, str = graph.Organization, 7
		}
		o := x.add(c, prev.s, typ, str)
		x.attach(c, o, true)
		x.cueRelation(c, rel, o)
	}
}

// cueText is a line as proseTalk and cues read it, made once for both:
// low is its text in lower case, findIn is low with a space after when
// the paragraph goes on (a cue may end a wrapped line), and mask is
// findIn's cueMask, a superset of low's, which is all cue.find needs. ok
// is false when case folding changed the byte offsets (rare scripts):
// then neither reads the line.
type cueText struct {
	low, findIn string
	mask        uint64
	ok          bool
}

func (x *extractor) cueText(c *lineCtx) cueText {
	t := c.l.Text
	low := strings.ToLower(t)
	if len(low) != len(t) {
		return cueText{}
	}
	findIn := low
	if x.contOf(c) != "" {
		findIn = low + " "
	}
	return cueText{low: low, findIn: findIn, mask: x.rules.cueMask(findIn), ok: true}
}

var versusRE = regexp.MustCompile(`(?i)(\S+)\s+(?:vs\.?|versus)\s+`)

// versus reads "mypy vs pyright": two names set against each other are
// alternatives, SIMILAR_TO each other. Both sides must be names (a code
// span, a link, a word that is no English word); "cats vs. the
// dogs" compares ideas, not things.
func (x *extractor) versus(c *lineCtx) {
	t := c.l.Text
	if !strings.Contains(t, "vs") && !strings.Contains(t, "VS") && !strings.Contains(t, "ersus") {
		return // a cheap test before the regexp
	}
	for _, m := range versusRE.FindAllStringSubmatchIndex(t, -1) {
		side := func(a, b int, word bool) int {
			if a >= b {
				return -1
			}
			if o := c.mentionAt(a, b); o >= 0 {
				if x.ms[o].typ() == graph.Person || x.ms[o].typ() == graph.Link {
					return -1
				}
				return o
			}
			name, ok := x.thingName(t[a:b])
			if !ok || strings.Contains(name, " ") || !word && (!x.nameLike(name) || isWord(strings.ToLower(name))) || x.rules.stop[strings.ToLower(name)] {
				return -1
			}
			i := a + strings.Index(t[a:b], name)
			if !c.take(i, i+len(name)) {
				return -1
			}
			typ, str := x.typeHint(name, "")
			o := x.add(c, name, typ, str)
			x.attach(c, o, false)
			return o
		}
		// one side may be an English word when the other is a name:
		// "plotters vs egui"
		obj, oa, ob := x.objectAfter(t[m[1]:])
		if obj == "" || strings.Contains(obj, " ") {
			continue
		}
		left := strings.Trim(t[m[2]:m[3]], "`*_\"'")
		lw := !x.nameLike(left) || isWord(strings.ToLower(left))
		rw := !x.nameLike(obj) || isWord(strings.ToLower(obj))
		if lw && rw {
			continue
		}
		// an English word is a name only where it is not part of a longer
		// phrase: "go-fuzz vs native fuzzing" sets fuzzing against fuzzing
		if rw {
			if nx := firstWords(t[m[1]+ob:], 1); len(nx) > 0 && isLower(nx[0].s) && !x.rules.stop[nx[0].s] && strings.TrimSpace(t[m[1]+ob:m[1]+ob+nx[0].start]) == "" {
				side(m[2], m[3], false) // the name on the left is still one
				continue
			}
		}
		if lw {
			if pv := tokenize(t[:m[2]]); len(pv) > 0 && isLower(pv[len(pv)-1].s) && !x.rules.stop[pv[len(pv)-1].s] && strings.TrimSpace(t[pv[len(pv)-1].end:m[2]]) == "" {
				continue
			}
		}
		l := side(m[2], m[3], lw)
		if l < 0 {
			continue
		}
		r := side(m[1]+oa, m[1]+ob, rw)
		if r >= 0 && r != l {
			x.relate(l, graph.SimilarTo, r, c.ev())
		}
	}
}

// cueSubjectRE is what stands before a cue when the line's own first words
// are its subject: "Lumen is built on WebGPU", "Ana, the creator of zaplog",
// "Omar works for Initech", "Gale as a drop-in replacement for Storm".
var cueSubjectRE = regexp.MustCompile(`^[\s*>-]*([^\s,;:()][^,;:()]{0,40}?)(?:\s*,\s*(?:the|a|an|who\s+is)|\s+(?:is|are|was|were)(?:\s+(?:a|an|the))?|\s+as\s+(?:a|an|the)(?:\s+[\w-]+){0,2})?\s*$`)

var whichRE = regexp.MustCompile(`[\s` + "`" + `*_"']*,\s*(?:which|that)(?:\s+(?:is|are|was|were))?\s*$`)

var apposRE = regexp.MustCompile(`([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){1,3})\s*,\s*(?:the|a|an|who\s+is)\s*$`)

// cueSubject returns the mention a cue at byte at of the line is said of
// when the line opens with it (a name of at most four words, then at most a
// copula or an apposition), or -1: the line's head, entry or speakers are
// then the subject (cueRelation).
func (x *extractor) cueSubject(c *lineCtx, at int) int {
	t := c.l.Text
	if o := x.lineSubject(c, at); o >= 0 {
		return o
	}
	// "… chatted with Jane Doe, the creator of zaplog": a person named
	// right before an apposition (a name and ", the" fit in 64 bytes)
	base := max(0, at-64)
	// "… built `shedkit`, which is built on Bazel": the thing before the
	// relative clause
	pre := t[base:at]
	if !strings.Contains(pre, ",") {
		return -1 // both forms below follow a comma
	}
	if !strings.Contains(pre, "which") && !strings.Contains(pre, "that") {
		// no relative clause
	} else if m := whichRE.FindStringIndex(pre); m != nil {
		before := strings.TrimRight(t[:base+m[0]], " `*_\"'")
		if ws := tokenize(before); len(ws) > 0 {
			last := ws[len(ws)-1]
			if o := c.mentionAt(last.start, last.end); o >= 0 && x.ms[o].typ() != graph.Person && x.ms[o].typ() != graph.Link {
				return o
			}
		}
		return -1
	}
	m := apposRE.FindStringSubmatchIndex(pre)
	if m == nil {
		return -1
	}
	for k := range m {
		m[k] += base
	}
	if o := c.mentionAt(m[2], m[3]); o >= 0 && x.ms[o].typ() == graph.Person {
		return o
	}
	if p, ok := x.personName(t[m[2]:m[3]], strongPos); ok && c.take(m[2], m[3]) {
		return x.add(c, p, graph.Person, 5)
	}
	return -1
}

// lineSubject returns the mention of the name that opens the line and
// stands right before a cue at byte at, or -1.
func (x *extractor) lineSubject(c *lineCtx, at int) int {
	t := c.l.Text
	if at > 64 {
		return -1 // a name of at most 40 bytes and a copula open the line
	}
	m := cueSubjectRE.FindStringSubmatchIndex(t[:at])
	if m == nil {
		return -1
	}
	a, b := m[2], m[3]
	name := t[a:b]
	if fieldCount(name) > 4 {
		return -1
	}
	pos := headPos
	if strings.Contains(t[b:at], ",") {
		pos = strongPos // "Jane Doe, the creator of": the apposition vouches for a person
	}
	if o := c.mentionAt(a, b); o >= 0 {
		if s := c.spans[slices.IndexFunc(c.spans, func(s span) bool { return int(s.m) == o })]; int(s.a) == a && int(s.b) == b {
			if _, ok := x.personName(name, pos); ok && pos == strongPos && x.ms[o].typ() != graph.Person {
				x.ms[o].setTyp(graph.Person)
				x.ms[o].str = max(x.ms[o].str, 5)
			}
			return o
		}
		return -1
	}
	if c.taken(a, b) {
		return -1
	}
	if p, ok := x.personName(name, pos); ok {
		c.take(a, b)
		return x.add(c, p, graph.Person, 5)
	}
	n, ok := x.thingName(name)
	if ws := strings.Fields(n); !ok || n != name || !x.nameLike(n) || x.rules.generic[strings.ToLower(n)] || len(ws) > 1 && !allNamed(ws) {
		return -1
	}
	c.take(a, b)
	typ, str := x.typeHint(n, "")
	o := x.add(c, n, typ, str)
	if !isFirstName(n) {
		x.attach(c, o, false)
	}
	return o
}

// objectAfter returns the name that starts text: a run of up to four words
// that stops at punctuation or a function word.
func (x *extractor) objectAfter(text string) (string, int, int) {
	ws := firstWords(text, 4) // an object is four words at most
	if len(ws) == 0 || ws[0].start > 2 {
		return "", 0, 0
	}
	if articles[strings.ToLower(ws[0].s)] && len(ws) > 1 {
		// "maintains the `ferrocene` toolchain": a name after an article
		// or "built on the Linux kernel"; not "like a checklist"
		rest := text[ws[0].end:]
		obj, a, b := x.objectAfter(rest)
		if obj == "" || !x.nameLike(obj) {
			return "", 0, 0
		}
		next := ""
		if nw := firstWords(rest[b:], 1); len(nw) > 0 {
			next = strings.ToLower(nw[0].s)
		}
		_, typed := x.rules.typeWords[next]
		if strings.HasPrefix(strings.TrimSpace(rest[:a]), "`") || typed || x.rules.toolSuffixes[next] || isCap(obj) && !isWord(obj) || isCoined(obj) {
			return obj, ws[0].end + a, ws[0].end + b
		}
		return "", 0, 0
	}
	end := 0
	n := 0
	for i, w := range ws {
		if i > 0 {
			gap := text[ws[i-1].end:w.start]
			if strings.TrimSpace(gap) != "" {
				break
			}
		}
		lw := strings.ToLower(w.s)
		if x.rules.stop[lw] {
			break
		}
		// a lower-case word after a capitalized one ends a name: "Google in NYC"
		if i > 0 && isCap(ws[0].s) && !isCap(w.s) && !isCoined(w.s) {
			break
		}
		if i > 0 && !isCap(ws[0].s) {
			break // lower-case names are one word: "similar to flask"
		}
		end = w.end
		n++
		if n == 4 {
			break
		}
	}
	if n == 0 {
		return "", 0, 0
	}
	obj, ok := x.thingName(text[ws[0].start:end])
	if !ok {
		return "", 0, 0
	}
	return obj, ws[0].start, end
}

// cueRelation adds the typed relation a cue states, from the line's head, or
// for CREATED and WORKS_AT from the entry's speakers, or from the entry's
// subject.
func (x *extractor) cueRelation(c *lineCtx, rel string, o int) {
	ev := c.ev()
	switch {
	case rel == graph.SimilarTo && c.head >= 0 && x.ms[c.head].typ() == graph.Person:
		// "Jane Doe … is like Redis": a person is like no tool
	case c.head >= 0 && int(c.head) != o && (rel != graph.WorksAt || x.ms[c.head].typ() == graph.Person):
		x.relate(int(c.head), rel, o, ev) // a person who heads the line works there: "Tom Berg — engineer at Lumina"
	case c.e != nil && len(c.e.speakers) > 0 && (rel == graph.Created || rel == graph.WorksAt):
		for _, p := range c.e.speakers {
			x.relate(p, rel, o, ev)
		}
	case c.e != nil && c.e.subject >= 0:
		x.relate(c.e.subject, rel, o, ev)
	}
}

// examples reads "e.g. net/http, os/exec (…)".
func (x *extractor) examples(c *lineCtx) {
	t := c.l.Text
	if !x.rules.examplesHint(t) {
		return
	}
	for _, m := range x.rules.examples.FindAllStringIndex(t, -1) {
		rest := t[m[1]:]
		if i := strings.IndexAny(rest, "().;:!?"); i >= 0 {
			rest = rest[:i]
		}
		off := m[1]
		// "e.g. yacc, bison" lists names; "such as network or files" often words
		terse := strings.Contains(strings.ToLower(t[m[0]:m[1]]), "g.")
		for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' }) {
			for _, p := range strings.FieldsFunc(strings.NewReplacer(" and ", "\x00", " or ", "\x00").Replace(part), func(r rune) bool { return r == 0 }) {
				p0 := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "or "))
				name, ok := x.thingName(p0)
				if !ok || fieldCount(name) > 3 {
					continue
				}
				if fieldCount(name) == 1 && !x.nameLike(name) && !terse {
					continue // "such as network or files": plain words
				}
				i := strings.Index(t[off:], name)
				if i < 0 || !c.take(off+i, off+i+len(name)) {
					continue
				}
				typ, str := x.typeHint(name, "")
				x.attach(c, x.add(c, name, typ, str), true)
			}
		}
	}
}

// toolSuffix reads "the ast module", "fetchy library".
func (x *extractor) toolSuffix(c *lineCtx) {
	ws := x.words(c)
	for i := 1; i < len(ws); i++ {
		if suf, _ := foldLookup(x.rules.toolSuffixes, ws[i].s); !suf {
			continue
		}
		p := ws[i-1]
		lp := strings.ToLower(p.s)
		if x.rules.stop[lp] || isWord(lp) && !isCap(p.s) && !isCoined(p.s) {
			// "the ast module": a short word no dictionary has ("the test
			// library" names no library)
			if !(isWord(lp) && len(lp) <= 4 && !x.rules.stop[lp] && !isExactDictWord(lp)) {
				continue
			}
		}
		if !c.take(p.start, p.end) {
			continue
		}
		x.attach(c, x.add(c, p.s, graph.Tool, 6), c.head >= 0)
	}
}

// shapes finds names by their shape: coined words, capitalized runs outside a
// sentence start, people's names.
func (x *extractor) shapes(c *lineCtx) {
	t := c.l.Text
	if isCodeLine(t) {
		return // "dis.dis(methodname)": code, not notes
	}
	ws := x.words(c)
	emph := emphSpans(c.l)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if c.taken(w.start, w.end) {
			continue
		}
		s := stripPossessive(w.s)
		if strings.HasPrefix(s, "@") || strings.HasPrefix(s, "#") {
			continue
		}
		if w.sentStart && x.rules.stop[strings.ToLower(s)] {
			continue // "While Okafor …": the capital belongs to the sentence
		}
		// an emphasized title in prose is one name: "read *Patterns of Quiet
		// Software* twice", with its small words
		if k := emphOf(emph, w.start); k >= 0 && emph[k][0] == w.start && !c.title && !c.l.Bold {
			span := t[emph[k][0]:emph[k][1]]
			if f := strings.Fields(span); len(f) >= 2 && len(f) <= 8 && allNamed(f) && isCap(f[len(f)-1]) {
				_, person := x.personName(span, headPos) // a person's name: left to the person finders
				if name, ok := x.thingName(span); ok && !person {
					j := i
					for j+1 < len(ws) && ws[j+1].end <= emph[k][1] {
						j++
					}
					if c.take(w.start, ws[j].end) {
						// a work's title (a book, a film) is an idea, not software;
						// its emphasis makes it explicit in any notes
						m := x.add(c, name, graph.Concept, 1)
						x.ms[m].loose = false
						x.attach(c, m, c.head >= 0)
					}
					i = j
					continue
				}
			}
		}
		// a run of capitalized words: "Python Software Foundation", "Ines Duarte"
		if isCap(s) && !isAcronym(s) && !c.title {
			j := i + 1
			for j < len(ws) && j-i < 4 && isCap(ws[j].s) && !ws[j].sentStart && strings.TrimSpace(t[ws[j-1].end:ws[j].start]) == "" && !isAcronym(ws[j].s) &&
				emphOf(emph, ws[j].start) == emphOf(emph, w.start) {
				j++
			}
			// allow "of" inside: "Bay of Biscay"
			if j+1 < len(ws) && j-i < 3 && strings.ToLower(ws[j].s) == "of" && isCap(ws[j+1].s) && strings.TrimSpace(t[ws[j].end:ws[j+1].start]) == "" {
				j += 2
			}
			if j-i >= 2 && x.opener(t, ws[i:j]) {
				continue // "Watched Ada Obi's talk", "Compared DuckDB": a verb opens the sentence
			}
			if j-i >= 2 && w.sentStart && isDictWord(s) && !isFirstName(s) {
				// a sentence's capital on a dictionary word: "Outdated Django",
				// "Run Fargate" name what follows; "Best Practices" nothing
				if allDict(ws[i+1 : j]) {
					i = j - 1
				}
				continue
			}
			if j-i >= 2 {
				span := t[w.start:ws[j-1].end]
				if p, ok := x.personName(span, weakPos); ok {
					if c.take(w.start, ws[j-1].end) {
						m := x.add(c, p, graph.Person, 5)
						x.ms[m].loose = false // a given name and a surname: a person in any notes
						x.attach(c, m, c.head >= 0)
					}
					i = j - 1
					continue
				}
				if name, ok := x.thingName(span); ok {
					if c.take(w.start, ws[j-1].end) {
						typ, str := x.typeHint(name, "")
						m := x.add(c, name, typ, str)
						// "Draft View" may be a label; "Apache Beam" is a name anywhere
						x.ms[m].loose = c.loose && allDict(ws[i:j]) && !isFirstName(ws[i].s)
						x.attach(c, m, c.head >= 0)
					}
					i = j - 1
					continue
				}
				if x.allGeneric(strings.Fields(span)) {
					i = j - 1 // "Lunch Break": no word of it is a name
					continue
				}
			}
		}
		low := strings.ToLower(s)
		kind := x.rules.wordKinds[low] // stop, generic, work word: one lookup for the three sets
		if x.rules.isNotName(s) || kind&kindStop != 0 || isAcronym(s) && kind&kindGeneric != 0 || kind&kindWork != 0 {
			continue // "API", "URL": ordinary words in capitals
		}
		named := false
		switch {
		case c.title:
			// in a title, capitals say little ("Taming the Scheduler"): a name
			// is coined, no dictionary's word, or the object of "in", "with",
			// "using" ("Web Apps in Rust", "with Sled and Tokio")
			named = !x.rules.isNotName(s) && (isCoined(s) ||
				isCap(s) && len(s) > 3 && !isDictWord(s) && !isFirstName(s) && !abstract(s) && !nameRun(ws, i) ||
				isCap(s) && i > 0 && !abstract(s) && titleObject(ws, i) && x.many(low))
		case isCoined(s):
			named = true
		case kind&kindGeneric != 0 && isWord(s) && !isCoined(s):
			// "13:30 Lunch", "the Q&A Break": words of the day
		case isCap(s) && !w.sentStart && !isFirstName(s) && len(s) > 1:
			named = true
		case isCap(s) && w.sentStart && !isWord(s) && !isDictWord(s) && !x.typo(s) && !isFirstName(s) && len(s) > 2 && !abstract(s):
			named = true
		case isCap(s) && w.sentStart && i+1 < len(ws) && singularVerb[ws[i+1].s] && strings.HasSuffix(s, "s") && !isExactWord(s) && !isFirstName(s) && len(s) > 3:
			named = true // "Polars is faster": a plural-looking word with a singular verb is a name
		case !isWord(s) && !x.typo(s) && x.many(low) && len(s) > 2 && !isFirstName(s) && isAlpha(s):
			named = true // a coined word used more than once: "git", "deno"
		case c.e != nil && c.e.kind == entTalk && isLower(s) && len(s) > 2 && !isWord(s) && !isDictWord(s) && !x.typo(s) && !isFirstName(s) && !x.rules.generic[s] && toolShaped(s):
			named = true // in a talk's notes, a lower-case word no dictionary has: "kubectl", "lz4"
		case i == 0 && c.l.Item && c.e != nil && c.e.kind == entTalk && isLower(s) && !isWord(s) && !isExactDictWord(s) && !x.typo(s) && !x.rules.generic[s] && len(s) > 3 && isAlpha(strings.ReplaceAll(s, "-", "")):
			named = true // a bullet of a talk's notes that opens with a coined word: "xstate all the things"
		}
		if !named || !c.take(w.start, w.end) {
			continue
		}
		name := s
		if strings.Contains(name, "/") && !isCoined(name) {
			continue
		}
		typ, str := x.typeHint(name, "")
		m := x.add(c, name, typ, str)
		x.ms[m].loose = c.loose && !isCoined(name) && isExactDictWord(name) // "Postgres" is a name anywhere
		x.attach(c, m, c.head >= 0)
	}
}

// opener reports whether the first of the capitalized words ws, which
// opens a sentence, is a verb of the sentence rather than part of a name:
// a common word in the past tense before a person's name or before coined
// words ("Compared DuckDB", "Finished Ada Obi's book"), not "United Nations".
func (x *extractor) opener(t string, ws []word) bool {
	first := strings.ToLower(ws[0].s)
	if !ws[0].sentStart || !strings.HasSuffix(first, "ed") || !isWord(first) || isFirstName(ws[0].s) {
		return false
	}
	rest := ws[1:]
	coined := true
	for _, w := range rest {
		coined = coined && isCoined(stripPossessive(w.s))
	}
	if coined {
		return true
	}
	_, person := x.personName(stripPossessive(t[rest[0].start:rest[len(rest)-1].end]), weakPos)
	return person
}

// singularVerb are verbs that agree with a singular subject.
var singularVerb = map[string]bool{"is": true, "was": true, "has": true, "does": true}

// wordAfter returns the word that follows t[:at] after spaces only, or "".
func wordAfter(t string, at int) string {
	if ws := firstWords(t[at:min(len(t), at+64)], 1); len(ws) > 0 && strings.TrimSpace(t[at:at+ws[0].start]) == "" {
		return ws[0].s
	}
	return ""
}

// emphSpans returns the byte ranges of l.Text that are emphasized.
func emphSpans(l *line) [][2]int {
	var out [][2]int
	from := 0
	for _, e := range l.Emph {
		e = cleanText(e)
		if e == "" {
			continue
		}
		k := strings.Index(l.Text[from:], e)
		if k < 0 {
			k = strings.Index(l.Text, e)
			if k < 0 {
				continue
			}
		} else {
			k += from
		}
		out = append(out, [2]int{k, k + len(e)})
		from = k + len(e)
	}
	return out
}

// emphOf is the index of the span of spans that holds byte offset at, or -1.
func emphOf(spans [][2]int, at int) int {
	for i, s := range spans {
		if s[0] <= at && at < s[1] {
			return i
		}
	}
	return -1
}

// hasUpperRun reports whether s has a word with two ASCII capitals.
func hasUpperRun(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 'A' && b <= 'Z':
			n++
			if n >= 2 {
				return true
			}
		case b >= 'a' && b <= 'z' || b >= '0' && b <= '9':
		default:
			n = 0
		}
	}
	return false
}

// allNamed reports whether every word is capitalized or coined: "OXS-GCC
// Installer", not "Github mac client".
func allNamed(ws []string) bool {
	for _, w := range ws {
		if !isCap(w) && !isCoined(w) && !isParticle(w) {
			return false
		}
	}
	return true
}

func isParticle(w string) bool {
	switch w {
	case "of", "and", "for", "the", "de", "in", "on", "&":
		return true
	}
	return false
}

func isAlpha(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127) {
			return false
		}
	}
	return true
}
