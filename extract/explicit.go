package extract

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// Precision outside talk notes. keepToExplicit (walkplan.go) asks, once a
// file is walked, whether it reads as talk notes; when it does not,
// keepExplicit decides after pass 2 which of its mentions name nothing.

// chanceTalkShare: a file whose plan holds no talk reads as talk notes when
// the line shapes found a talk for at least one heading in this many. A
// manual's sixty headings with two that happen to read "Title with Name"
// or "… by Company" are not a conference's notes; notes that list talks
// without a template (a day's log, "Keynotes and vendors") have a talk for
// most headings, or no headings at all.
const chanceTalkShare = 5

// readsAsTalkNotes reports whether a walked file (its mentions from first
// on) holds talks: planned ones, or enough found by the line shapes.
func (x *extractor) readsAsTalkNotes(first int, file string, lines []line) bool {
	if p := x.plans[file]; p != nil && len(p.talks) > 0 {
		return true
	}
	talks := map[string]bool{}
	for i := first; i < len(x.ms); i++ {
		if x.ms[i].typ() == graph.Talk {
			talks[foldKey(x.ms[i].name)] = true
		}
	}
	return len(talks) > 0 && len(talks)*chanceTalkShare >= len(headingIndices(lines))
}

// dropChanceTalks drops the talks a file that is not talk notes seemed to
// hold, and the speakers the same head lines named: in a manual, "Setup
// with Docker" is a heading and "a transport by Acme" a credit.
func (x *extractor) dropChanceTalks(first, firstRel int) {
	for i := first; i < len(x.ms); i++ {
		if x.ms[i].typ() == graph.Talk {
			x.ms[i].gone = true
		}
	}
	for _, r := range x.rels[firstRel:] {
		if r.typ.name() == graph.Gave && int(r.to) >= first && x.ms[r.to].typ() == graph.Talk {
			x.ms[r.from].gone = true
		}
	}
}

// writtenAs is where on its line a mention of a file that is not talk notes
// was written: what a name in a manual's code spans and section links is
// differs from what it is in its prose.
type writtenAs uint8

const (
	asProse       writtenAs = iota // its words, a heading, a short line
	asCode                         // the whole of a code span: "`retries`"
	asSectionLink                  // in the text of a link to a part of these notes: "[Retries](#retries)"
	asLink                         // in the text of a link to elsewhere: "[Acme](https://acme.example)"
	asURL                          // only in a link's address: a repository's name
)

// where says on which of writtenAs a rule of docNameRules applies.
type where uint8

const (
	inProse       where = 1 << asProse
	inCode        where = 1 << asCode
	inSectionLink where = 1 << asSectionLink
	inLink        where = 1 << asLink
	inURL         where = 1 << asURL
	anywhere            = inProse | inCode | inSectionLink | inLink | inURL
)

// written is a mention as its line wrote it.
type written struct {
	name string
	as   writtenAs
	span string // the code span or the link text it was in, else ""
}

// docNames is what files that are not talk notes say of their own code: the
// names their code declares, keys and members (identifiers), the commands
// their shell lines run, and the modules it requires or imports.
type docNames struct {
	ident, command, quoted map[string]bool
}

var (
	// "retries:", "\"host\":", "opts.retries", "const client", "function
	// connect(url, opts)", "(req, res) =>"
	codeKeyRE    = regexp.MustCompile(`["']?([A-Za-z_$][\w$]*)["']?\s*:(?:[^/:]|$)`)
	codeMemberRE = regexp.MustCompile(`[\w$)\]]\.([A-Za-z_$][\w$]*)`)
	codeDeclRE   = regexp.MustCompile(`\b(?:const|let|var|function|def|class|func|type|interface)\s+([A-Za-z_$][\w$]*)`)
	codeParamsRE = regexp.MustCompile(`(?:function\s*[\w$]*\s*|def\s+\w+\s*)\(([^)]*)\)|\(([^()]*)\)\s*=>`)
	// "flush(done)", "mixin (obj, lvl) {": a call's or a method's name and
	// its bare arguments
	codeCallRE  = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\(([^()'"]*)\)`)
	paramNameRE = regexp.MustCompile(`^\s*\.{0,3}([A-Za-z_$][\w$]*)`)
	// "require('gullfire')", "from 'gullfire' import", "import 'x'": a module's name
	codeModuleRE = regexp.MustCompile(`(?:require\s*\(\s*|from\s+|import\s+)['"]([@\w./-]+)['"]`)
	// a shell line's commands: "$ tool run", "… | tool2", "… && tool3"
	shellCmdRE = regexp.MustCompile(`(?:^\$\s+|\|\s*|&&\s*)(?:sudo\s+)?([a-z][\w.-]*)`)
)

// readDocNames reads the code of a file's lines: its code blocks and spans.
func readDocNames(lines []line) docNames {
	d := docNames{ident: map[string]bool{}, command: map[string]bool{}, quoted: map[string]bool{}}
	read := func(code string, block bool) {
		for _, m := range codeModuleRE.FindAllStringSubmatch(code, -1) {
			d.quoted[strings.ToLower(m[1])] = true
		}
		for _, re := range []*regexp.Regexp{codeKeyRE, codeMemberRE, codeDeclRE} {
			for _, m := range re.FindAllStringSubmatch(code, -1) {
				d.ident[strings.ToLower(m[1])] = true
			}
		}
		for _, m := range codeParamsRE.FindAllStringSubmatch(code, -1) {
			for _, p := range strings.Split(m[1]+m[2], ",") {
				if n := paramNameRE.FindStringSubmatch(p); n != nil {
					d.ident[strings.ToLower(n[1])] = true
				}
			}
		}
		for _, m := range codeCallRE.FindAllStringSubmatch(code, -1) {
			d.ident[strings.ToLower(m[1])] = true
			for _, p := range strings.Split(m[2], ",") {
				if n := paramNameRE.FindStringSubmatch(p); n != nil && strings.TrimSpace(p) == n[0] {
					d.ident[strings.ToLower(n[1])] = true
				}
			}
		}
		if block {
			for _, m := range shellCmdRE.FindAllStringSubmatch(strings.TrimSpace(code), -1) {
				d.command[strings.ToLower(m[1])] = true
			}
		}
	}
	for i := range lines {
		l := &lines[i]
		if l.Kind == kindCode {
			read(l.Text, true)
			continue
		}
		for _, c := range l.Codes {
			read(c, false)
		}
	}
	return d
}

// writtenOn is how name was written on l.
func (x *extractor) writtenOn(name string, l *line) written {
	key := foldKey(name)
	for _, c := range l.Codes {
		if n, ok := x.thingName(codeName(c)); ok && foldKey(n) == key {
			return written{name, asCode, c}
		}
	}
	for _, lk := range l.Links {
		if lk.Text != "" && strings.Contains(foldKey(lk.Text), key) {
			if sectionLink(lk.URL) {
				return written{name, asSectionLink, lk.Text}
			}
			return written{name, asLink, lk.Text}
		}
	}
	for _, lk := range l.Links {
		if strings.Contains(lk.URL, "/"+name) && !strings.Contains(l.Text, name) {
			return written{name, asURL, lk.URL}
		}
	}
	return written{name, asProse, ""}
}

// sectionLink reports whether a link's target is a part of the notes
// themselves (a heading's anchor, another page by a relative path), so
// that its text is a section's title.
func sectionLink(u string) bool {
	return strings.HasPrefix(u, "#") || !strings.Contains(u, "://") && !strings.HasPrefix(u, "mailto:") && !strings.HasPrefix(u, "www.")
}

// docNameRules are the classes of names a manual's code, section links and
// prose are full of that name nothing a reader wants as a node. Any one
// drops a mention; each says where it applies and why.
var docNameRules = []struct {
	in where
	// word: the rule reads a word, not a shape, and a cue phrase's
	// object ("based on `mustache`") is a name all the same
	word bool
	why  string
	drop func(x *extractor, w written, l *line, d docNames) bool
}{
	{anywhere, false, "a member or a call (`client.close`, `parse()`, `opts[i].host`) is a part of an API, not a thing of its own; in prose only when the code says so (\"telescope.nvim\" is a name)",
		func(_ *extractor, w written, _ *line, d docNames) bool { return memberShaped(w, d) }},
	{anywhere, false, "an identifier in snake or camel case (`max_retries`, `onClose`) is the code's own name",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return identShaped(w.name) }},
	{anywhere, false, "the docs' words for their own parts and process (README, API, PR) name no thing there",
		func(x *extractor, w written, _ *line, _ docNames) bool {
			return x.rules.docWords[strings.ToLower(w.name)]
		}},
	{anywhere, false, "a keyword of a programming language (`async`, \"const\") is code, not a name",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return codeKeywords[w.name] }},
	{anywhere, false, "a phrase with a possessive inside (\"Acme's client\") is a part of a name's sentence",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return innerPossessive(w.name) }},
	{anywhere, false, "a phrase that ends in the docs' own words (\"Proxy Settings\", \"Cloud Integration\") titles a section",
		func(x *extractor, w written, _ *line, _ docNames) bool {
			t := w.name
			if w.as == asLink || w.as == asSectionLink {
				t = w.span // "[Acme Proxy docs](…)": Acme Proxy is named in a title
			}
			ws := strings.Fields(t)
			return len(ws) > 1 && x.rules.docWords[strings.ToLower(strings.Trim(ws[len(ws)-1], ".,;:!?"))]
		}},
	{inCode, false, "a span with code's punctuation (`a=1`, `\"k\":2`, `x, y`) is code, not a name",
		func(_ *extractor, w written, _ *line, _ docNames) bool {
			return strings.ContainsAny(strings.Trim(w.span, "'\"` "), "\"'=:,;<>{}+*%&|!?#\\")
		}},
	{anywhere, false, "an error or warning code (QZERR042) is a message's number, not a thing",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return errorCodeRE.MatchString(w.name) }},
	{inCode, false, "a call (`connect()`) is a function of the code",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return strings.Contains(w.span, "(") }},
	{inCode, false, "a literal (`true`, `null`) or an example's stand-in name (`foo`) names nothing",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return codeLiterals[strings.ToLower(w.name)] }},
	{inCode, false, "a code span in a code block is in a comment of the code",
		func(_ *extractor, _ written, l *line, _ docNames) bool { return l.Kind == kindCode }},
	{inCode | inSectionLink, false, "a class or type name (`RetryPolicy`) is the code's own name",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return compoundCapitals(w.name) }},
	{inCode, false, "a file name (`setup.js`) is a file",
		func(_ *extractor, w written, _ *line, _ docNames) bool { return fileShaped(w.name) }},
	{inCode, true, "an English word or one of its forms (`timeout`, `Error`, `Redacted`) is a parameter or a value, unless the shell lines run it",
		func(_ *extractor, w written, _ *line, d docNames) bool {
			low := strings.ToLower(w.name)
			return ordinaryForm(low, false) && !d.command[low]
		}},
	{inCode, false, "a name the file's code declares or uses as a key or member is its identifier, not a tool (a module's name is quoted instead)",
		func(_ *extractor, w written, _ *line, d docNames) bool {
			low := strings.ToLower(w.name)
			return d.ident[low] && !d.quoted[low] && !d.command[low]
		}},
	{inCode, false, "a span followed by a role word (\"the `retries` option\") is the code's own name",
		func(x *extractor, w written, l *line, _ docNames) bool { return x.roleAfter(w.span, l) }},
	{inSectionLink, false, "a link to a part of the notes names the part: its title (\"Getting started\", \"Plugins\") is no thing, unless it is one coined name (\"zephyr-cache\", \"GraphQL\")",
		func(_ *extractor, w written, _ *line, _ docNames) bool {
			return fieldCount(w.name) > 1 || ordinaryForm(strings.ToLower(w.name), false) ||
				isCap(w.name) && isLower(w.name[1:])
		}},
	{inProse, true, "a lower-case English word (\"browser\", \"stringified\", \"bundler\") is a word, not a name, in a manual",
		func(_ *extractor, w written, _ *line, _ docNames) bool {
			return isLower(w.name) && ordinaryForm(w.name, true)
		}},
	{inProse, true, "a sentence's first word that is an English word (\"Formatters are …\") is that word, capitalized",
		func(_ *extractor, w written, l *line, _ docNames) bool {
			if strings.Contains(w.name, " ") || !isCap(w.name) || !isLower(w.name[1:]) || l.Kind == kindHeading {
				return false
			}
			return strings.HasPrefix(l.Text, w.name+" ") && ordinaryForm(strings.ToLower(w.name), false)
		}},
	{inURL, false, "a repository named by an English word (github.com/acme/release) is a part of its owner's project, not a thing the notes name",
		func(_ *extractor, w written, _ *line, _ docNames) bool {
			return ordinaryForm(strings.ToLower(w.name), true)
		}},
	{inProse, false, "an acronym's plural (\"SDKs\") is a kind of thing, not one",
		func(_ *extractor, w written, _ *line, _ docNames) bool {
			b, ok := strings.CutSuffix(w.name, "s")
			return ok && len(b) >= 2 && strings.ToUpper(b) == b && !strings.Contains(b, " ")
		}},
	{inProse | inLink, false, "a phrase with a function word inside (\"Deploying with containers\", \"limits if unset\") or opened by a lower-case word (\"default settings\") is a heading or a clause",
		func(x *extractor, w written, _ *line, _ docNames) bool { return x.clauseShaped(w.name) }},
}

// errorCodeRE matches an error or warning code: four capitals or more, then
// two digits or more ("QZERR042"; "RFC3164" is a name).
var errorCodeRE = regexp.MustCompile(`^[A-Z]{4,}[0-9]{2,}$`)

// codeKeywords are the words of programming languages that notes write as
// words ("the handler can be async").
var codeKeywords = map[string]bool{"async": true, "await": true, "const": true, "let": true, "var": true,
	"func": true, "def": true, "struct": true, "enum": true, "lambda": true, "yield": true, "typeof": true,
	"instanceof": true, "static": true, "void": true, "noop": true, "elif": true, "fn": true, "impl": true,
	// and their types
	"boolean": true, "bool": true, "int": true, "float": true, "double": true, "str": true, "char": true,
	"bigint": true, "uint": true, "int64": true, "float64": true, "usize": true}

// innerPossessive: a word of a phrase but its last ends in 's.
func innerPossessive(name string) bool {
	ws := strings.Fields(name)
	for _, w := range ws[:max(len(ws)-1, 0)] {
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return true
		}
	}
	return false
}

// allOrdinary reports whether every word of a name is an English word.
func allOrdinary(name string) bool {
	ws := strings.Fields(name)
	for _, w := range ws {
		if !isWord(strings.Trim(w, ".,")) {
			return false
		}
	}
	return len(ws) > 0
}

// codeLiterals are the values code writes as words.
var codeLiterals = map[string]bool{"true": true, "false": true, "null": true, "nil": true, "none": true,
	"undefined": true, "nan": true, "void": true, "this": true, "self": true,
	"foo": true, "bar": true, "baz": true, "qux": true, "quux": true, "foobar": true}

// memberShaped: brackets or a call, or a dot before an identifier: in a
// code span any ("client.close"), elsewhere one the file's code uses as a
// member or one in camel case. "Node.js" and "ASP.NET" are names: a last
// part "js" or in capitals is kept.
func memberShaped(w written, d docNames) bool {
	name := w.name
	if strings.ContainsAny(name, "()[]") {
		return true
	}
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || i == len(name)-1 || strings.Contains(name, " ") {
		return false
	}
	last := name[i+1:]
	if last == "js" || strings.ToUpper(last) == last {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(last); !unicode.IsLetter(r) && r != '_' && r != '$' {
		return false
	}
	return w.as == asCode || d.ident[strings.ToLower(last)] || identShaped(last)
}

// identShaped: snake_case, or camelCase after a lower-case run of two or
// more letters ("onClose", not "iPhone" or "macOS").
func identShaped(name string) bool {
	if strings.Contains(name, " ") {
		return false
	}
	if strings.Contains(strings.Trim(name, "_"), "_") {
		return true
	}
	rs := []rune(name)
	lower := 0
	for lower < len(rs) && unicode.IsLower(rs[lower]) {
		lower++
	}
	if lower < 2 {
		return false
	}
	for i := lower; i+1 < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1]) {
			return true
		}
	}
	return false
}

// compoundCapitals: two capitalized words run together ("RetryPolicy").
func compoundCapitals(name string) bool {
	if strings.Contains(name, " ") {
		return false
	}
	caps := 0
	rs := []rune(name)
	for i := 0; i+1 < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1]) {
			caps++
		}
	}
	return caps >= 2
}

// fileShaped: a lower-case name and an extension ("setup.js", "app.py").
func fileShaped(name string) bool {
	base, ext, ok := strings.Cut(name, ".")
	return ok && base != "" && isLower(base) && len(ext) <= 4 && isLower(ext) && !strings.Contains(ext, ".")
}

// ordinaryForm reports whether a lower-case word is an English word or
// made from one the way jargon is: a verb's forms ("stringified",
// "transpiling"), an agent noun of a word ("bundler", "formatters") and,
// with compounds, two words run together ("namespace", "callsite"; in
// code a tool is often named so). Coined names are not: "kubectl".
func ordinaryForm(w string, compounds bool) bool {
	if strings.ContainsAny(w, " -./") {
		return false
	}
	if isWord(w) {
		return true
	}
	for i := 3; compounds && i+3 <= len(w); i++ {
		if isWord(w[:i]) && isWord(w[i:]) {
			return true
		}
	}
	for _, suf := range []string{"ified", "ed", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			return true
		}
	}
	// "preload", "unmount", "autoscale": a prefix and a word
	for _, p := range []string{"pre", "re", "un", "de", "auto", "sub", "multi", "non", "over", "post", "inter"} {
		if b, ok := strings.CutPrefix(w, p); ok && len(b) >= 3 && isWord(b) {
			return true
		}
	}
	// "bundler", "formatters", "serializers", "prettifier", "minification"
	for _, suf := range []string{"ifiers", "ifier", "ification", "izers", "izer", "ization", "isation", "ize", "ise", "ers", "er", "rs", "r", "s", "ly"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 && (isWord(b) || isWord(b+"e") || isWord(b+"y") || isWord(strings.TrimSuffix(b, "i")+"y") ||
			b[len(b)-1] == b[len(b)-2] && isWord(b[:len(b)-1])) { // "formatters"
			return true
		}
	}
	return false
}

// clauseShaped: a phrase of several words with a function word inside, or
// opened by a lower-case English word.
func (x *extractor) clauseShaped(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	if isLower(ws[0]) && isWord(ws[0]) {
		return true
	}
	for _, w := range ws[1 : len(ws)-1] {
		switch low := strings.ToLower(w); low {
		case "of", "and", "&", "de", "von", "van":
			// "Bank of Somewhere", "Salt and Pepper": names have these
		default:
			if x.rules.stop[low] {
				return true
			}
		}
	}
	return false
}

// roleAfter reports whether the code span span on l is followed by a role
// word: "the `retries` option", "`onClose` callback".
func (x *extractor) roleAfter(span string, l *line) bool {
	t := l.Text
	for from := 0; ; {
		i := strings.Index(t[from:], span)
		if i < 0 {
			return false
		}
		from += i + len(span)
		rest := strings.TrimLeft(t[from:], " \t`'\")")
		w, _, _ := strings.Cut(rest, " ")
		if x.rules.codeRoles[strings.ToLower(strings.TrimRight(w, ".,;:)"))] {
			return true
		}
	}
}

// keepExplicit drops, in the files that are not talk notes, the mentions
// that are loose (except a cue phrase's object and a command the shell
// lines run: `tar`) and those a rule of docNameRules says name nothing.
// It runs once pass 2 is done (mentions from pass1 on) and reads the code of
// all those files together: a project's pages share one API, and a name one
// page's code declares is an identifier on the next. What pass 2 found
// there goes too when the name it found is gone everywhere: a word a shape
// finder read as a name is not a known name in a manual. (In talk notes it
// still is: a name a diary mentions loosely may be the one a talk's notes
// say.)
func (x *extractor) keepExplicit(pass1 int) {
	if len(x.explicitOnly) == 0 {
		return
	}
	files := slices.Sorted(maps.Keys(x.explicitOnly))
	byLine := map[string]map[int]*line{}
	var all []line
	for _, f := range files {
		lines := x.explicitOnly[f]
		byN := make(map[int]*line, len(lines))
		for i := range lines {
			if _, ok := byN[int(lines[i].N)]; !ok || lines[i].Kind != kindCode {
				byN[int(lines[i].N)] = &lines[i]
			}
		}
		byLine[f] = byN
		all = append(all, lines...)
	}
	d := readDocNames(all)
	cued := map[int]bool{}
	for i, r := range x.rels {
		switch r.typ.name() {
		case graph.Uses, graph.SimilarTo, graph.Created, graph.WorksAt:
			// the object, and the subject when the cue's line names it
			// ("Quillpad is based on X"; not the heading above)
			cued[int(r.to)] = true
			cued[int(r.from)] = cued[int(r.from)] || x.ms[r.from].ev.Line == x.relEvidence(i).Line
		}
	}
	for i := range x.ms[:pass1] {
		if byN := byLine[x.ms[i].ev.File]; byN != nil {
			x.keepName(i, byN, d, cued)
		}
	}
	alive := map[int]bool{}
	for i := range x.ms[:pass1] {
		if !x.ms[i].gone {
			alive[x.find(i)] = true
		}
	}
	for j := pass1; j < len(x.ms); j++ {
		if byN := byLine[x.ms[j].ev.File]; byN != nil {
			if x.ms[j].gone = x.ms[j].gone || !alive[x.find(j)]; !x.ms[j].gone {
				x.keepName(j, byN, d, cued)
			}
		}
	}
}

// keepName drops mention i of a file that is not talk notes (its lines by
// number in byN) unless it names a thing.
func (x *extractor) keepName(i int, byN map[int]*line, d docNames, cued map[int]bool) {
	m := &x.ms[i]
	if m.gone || m.typ() == graph.Link || m.typ() == graph.Event {
		m.gone = m.gone || m.loose
		return
	}
	if m.typ() == graph.Person {
		// "Long Term Support", "Better Stack": a person's name has a
		// word that is not ordinary English
		m.gone = m.loose || !cued[i] && allOrdinary(m.name)
		return
	}
	l := byN[m.ev.Line]
	if l == nil {
		m.gone = m.loose
		return
	}
	w := x.writtenOn(m.name, l)
	if m.loose {
		// a cue phrase's object ("based on `mustache`") and a command
		// the shell lines run are explicit however they are written
		if m.gone = !cued[i] && (w.as != asCode || !d.command[strings.ToLower(m.name)]); m.gone {
			return
		}
	}
	for _, r := range docNameRules {
		if r.in&(1<<w.as) != 0 && !(r.word && cued[i]) && r.drop(x, w, l, d) {
			m.gone = true
			return
		}
	}
}
