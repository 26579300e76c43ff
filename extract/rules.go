package extract

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

//go:embed rules.yaml
var defaultRulesYAML []byte

// DefaultRulesYAML returns the built-in rules file, with its documentation.
func DefaultRulesYAML() []byte { return bytes.Clone(defaultRulesYAML) }

// Rules are the words extraction looks for (see rules.yaml for what each list
// does). The code holds mechanisms; the rules hold the words.
type Rules struct {
	Sections      map[string][]string `yaml:"sections"`
	Labels        []string            `yaml:"labels"`
	Generic       []string            `yaml:"generic"`
	TitleSuffixes []string            `yaml:"title_suffixes"`
	EventWords    []string            `yaml:"event_words"`
	Cues          map[string][]string `yaml:"cues"`
	SuffixCues    map[string][]string `yaml:"suffix_cues"`
	Examples      []string            `yaml:"examples"`
	SpeakerCues   []string            `yaml:"speaker_cues"`
	Columns       map[string][]string `yaml:"columns"`
	TalkVerbs     []string            `yaml:"talk_verbs"`
	TalkIntros    []string            `yaml:"talk_intros"`
	TalkKinds     []string            `yaml:"talk_kinds"`
	TypeWords     map[string][]string `yaml:"type_words"`
	ToolSuffixes  []string            `yaml:"tool_suffixes"`
	FoldPrefixes  []string            `yaml:"fold_prefixes"`
	Stopwords     []string            `yaml:"stopwords"`
	NotNames      []string            `yaml:"not_names"`
	ConceptSuffix []string            `yaml:"concept_suffixes"`
	Copulas       []string            `yaml:"copulas"`
	QuestionLeads []string            `yaml:"question_leads"`
	Merges        [][]string          `yaml:"merges"`
	Vetoes        [][]string          `yaml:"vetoes"`
	FrontMatter   map[string][]string `yaml:"front_matter"`
	Roles         []string            `yaml:"roles"`
	DetailFields  []string            `yaml:"detail_fields"`
	TermHeads     []string            `yaml:"term_heads"`
	WeakModifiers []string            `yaml:"weak_modifiers"`
	WorkWords     []string            `yaml:"work_words"`
	CodeRoles     []string            `yaml:"code_roles"`
	DocWords      []string            `yaml:"doc_words"`
}

var (
	defaultOnce     sync.Once
	defaultParsed   *Rules
	defaultCompiled *compiled
)

func loadDefaults() {
	r, err := parseRules(defaultRulesYAML)
	if err != nil {
		panic(fmt.Sprintf("built-in rules.yaml: %v", err)) // a build defect, caught by tests
	}
	defaultParsed = r
	defaultCompiled = r.compile()
}

// DefaultRules returns a copy of the built-in rules, free to extend.
func DefaultRules() *Rules {
	defaultOnce.Do(loadDefaults)
	r := &Rules{}
	r.Extend(defaultParsed)
	return r
}

// compiledRules returns r compiled; the built-in rules are compiled once.
func compiledRules(r *Rules) *compiled {
	if r == nil {
		defaultOnce.Do(loadDefaults)
		return defaultCompiled
	}
	return r.compile()
}

func parseRules(data []byte) (*Rules, error) {
	var r Rules
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// LoadRules reads a rules file and adds it to the built-in rules: each list
// in the file is appended to the default list of the same name.
func LoadRules(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read rules: %w", err)
	}
	user, err := parseRules(data)
	if err != nil {
		return nil, fmt.Errorf("rules %s: %w", path, err)
	}
	r := DefaultRules()
	r.Extend(user)
	return r, nil
}

// Extend adds every word of u to r.
func (r *Rules) Extend(u *Rules) {
	addMap := func(dst *map[string][]string, src map[string][]string) {
		if *dst == nil {
			*dst = map[string][]string{}
		}
		for k, v := range src {
			(*dst)[k] = append((*dst)[k], v...)
		}
	}
	addMap(&r.Sections, u.Sections)
	addMap(&r.Cues, u.Cues)
	addMap(&r.SuffixCues, u.SuffixCues)
	addMap(&r.TypeWords, u.TypeWords)
	addMap(&r.Columns, u.Columns)
	addMap(&r.FrontMatter, u.FrontMatter)
	r.Labels = append(r.Labels, u.Labels...)
	r.Generic = append(r.Generic, u.Generic...)
	r.TitleSuffixes = append(r.TitleSuffixes, u.TitleSuffixes...)
	r.EventWords = append(r.EventWords, u.EventWords...)
	r.Examples = append(r.Examples, u.Examples...)
	r.SpeakerCues = append(r.SpeakerCues, u.SpeakerCues...)
	r.TalkVerbs = append(r.TalkVerbs, u.TalkVerbs...)
	r.TalkIntros = append(r.TalkIntros, u.TalkIntros...)
	r.TalkKinds = append(r.TalkKinds, u.TalkKinds...)
	r.ToolSuffixes = append(r.ToolSuffixes, u.ToolSuffixes...)
	r.FoldPrefixes = append(r.FoldPrefixes, u.FoldPrefixes...)
	r.Stopwords = append(r.Stopwords, u.Stopwords...)
	r.NotNames = append(r.NotNames, u.NotNames...)
	r.ConceptSuffix = append(r.ConceptSuffix, u.ConceptSuffix...)
	r.Copulas = append(r.Copulas, u.Copulas...)
	r.QuestionLeads = append(r.QuestionLeads, u.QuestionLeads...)
	r.Merges = append(r.Merges, u.Merges...)
	r.Vetoes = append(r.Vetoes, u.Vetoes...)
	r.Roles = append(r.Roles, u.Roles...)
	r.DetailFields = append(r.DetailFields, u.DetailFields...)
	r.TermHeads = append(r.TermHeads, u.TermHeads...)
	r.WeakModifiers = append(r.WeakModifiers, u.WeakModifiers...)
	r.WorkWords = append(r.WorkWords, u.WorkWords...)
	r.CodeRoles = append(r.CodeRoles, u.CodeRoles...)
	r.DocWords = append(r.DocWords, u.DocWords...)
}

// compiled is Rules turned into the sets and patterns the stages use.
type compiled struct {
	sections       map[string]string // word → kind
	labels         map[string]bool
	generic        map[string]bool
	workWords      map[string]bool // "config", "mgmt": never a name alone
	titleSuffix    []string
	eventWords     map[string]bool
	cues           []cue             // sorted longest phrase first
	cueFirst       map[string]uint64 // first word of a cue or talk verb → its bit (indexCues)
	cueShape       *keyShapes        // shapesOf(cueFirst)
	suffixCues     map[string]string
	suffixCueShape *keyShapes // shapesOf(suffixCues)
	examples       *regexp.Regexp
	examplePhrases []string
	exampleStart   *[128][]string // the phrases by their first byte (indexExamples)
	speakerCue     *anchored
	columns        map[string]string // table header → speaker, title, organization
	talkVerbs      cue
	talkIntro      *regexp.Regexp
	talkKind       *anchored
	kindByOn       *anchored         // "Lightning talk by Jane Doe on Fast Builds"
	kindBy         *anchored         // "Keynote by "
	typeWords      map[string]string // word → type
	toolSuffixes   map[string]bool
	prefixes       []string
	stop           map[string]bool
	notNames       map[string]bool
	notNameStart   [256]bool // the first bytes of notNames' words (isNotName)
	// wordKinds has each word of stop, generic and workWords with the
	// sets it is in, for a reader that asks about all three
	wordKinds map[string]wordKind
	merges    [][]string
	vetoes    map[[2]string]bool
	// conceptSuffixes are the endings of abstract nouns ("-ity", "-ism")
	conceptSuffixes []string
	// copulas are the verbs after a bullet's subject: "X is hard"
	copulas map[string]bool
	// questionLeads open a note that asks how to do something: "how do"
	questionLeads [][]string
	questionFirst map[string]bool // the first word of each lead
	// roles are the words of a job title ("cto", "engineer"): in a speaker
	// slot they separate a person's role from their organization
	roles map[string]bool
	// detailFields head the section of a talk's file that lists its
	// details ("Details:", "Presenters:"), where its speakers are named
	detailFields map[string]bool
	// termHeads end technical terms; weakModifiers make none with them
	termHeads     map[string]bool
	termHeadShape *keyShapes // shapesOf(termHeads)
	weakModifiers map[string]bool
	// codeRoles follow a code span that is the code's own name: "the
	// `retries` option" (explicit.go)
	codeRoles map[string]bool
	// docWords are what a project's docs call their own parts ("readme")
	docWords map[string]bool
}

// wordKind says which of the word sets stop, generic and workWords hold a
// word (compiled.wordKinds).
type wordKind uint8

const (
	kindStop wordKind = 1 << iota
	kindGeneric
	kindWork
)

// isNotName is notNames[w], looked up only when a word of notNames starts
// with w's first byte.
func (c *compiled) isNotName(w string) bool {
	if w != "" && !c.notNameStart[w[0]] {
		return false
	}
	return c.notNames[w]
}

// examplesHint is a cheap test that text may hold an examples phrase, so
// that the regexp runs only on the few lines that do.
//
// It is examplesHintLower, read in one pass over an ASCII text: at each
// byte, in lower case, the phrases that start with it (exampleStart) are
// compared in ASCII case, where lowering the text and searching it once
// per phrase would read it nine times. A byte past ASCII (which
// strings.ToLower may fold to ASCII: 'K' to 'k') hands the text to
// examplesHintLower, as do phrases past ASCII or empty ones
// (exampleStart nil). FuzzTextScan holds the two equal.
func (c *compiled) examplesHint(text string) bool {
	if c.exampleStart == nil {
		return c.examplesHintLower(text)
	}
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b >= utf8.RuneSelf {
			return c.examplesHintLower(text)
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		for _, p := range c.exampleStart[b] {
			if hasPrefixASCIIFold(text[i:], p) {
				return true
			}
		}
	}
	return false
}

// hasPrefixASCIIFold reports whether t starts with w (lower case ASCII)
// when t's ASCII capitals are lowered.
func hasPrefixASCIIFold(t, w string) bool {
	if len(t) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		b := t[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != w[i] {
			return false
		}
	}
	return true
}

// examplesHintLower is examplesHint as first written: the lower-cased
// text holds one of the phrases.
func (c *compiled) examplesHintLower(text string) bool {
	low := strings.ToLower(text)
	for _, p := range c.examplePhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// indexExamples fills exampleStart, or leaves it nil when a phrase is
// empty or not ASCII.
func (c *compiled) indexExamples() {
	var start [128][]string
	for _, p := range c.examplePhrases {
		if p == "" {
			return
		}
		for i := 0; i < len(p); i++ {
			if p[i] >= utf8.RuneSelf {
				return
			}
		}
		start[p[0]] = append(start[p[0]], p)
	}
	c.exampleStart = &start
}

type cue struct {
	rel     string
	phrases []string // lower case, single-spaced
	// bits has each phrase's bit in compiled.cueFirst, the bit of its first
	// word; 0 for a phrase that may start inside a word ("'s talk on"),
	// which is always looked for
	bits []uint64
}

// find returns the [start, end) of each whole-word occurrence of the cue's
// phrases in low (the lower-cased text), each followed by a space. Only the
// phrases whose first word is in mask (compiled.cueMask of low, or a
// superset) are looked for: a phrase found starts a word that is its first
// word, so a phrase whose first word low lacks cannot be found.
func (cu cue) find(low string, mask uint64) [][2]int {
	var out [][2]int
	for j, p := range cu.phrases {
		if b := cu.bits[j]; b != 0 && mask&b == 0 {
			continue
		}
		from := 0
		for {
			i := strings.Index(low[from:], p)
			if i < 0 {
				break
			}
			a := from + i
			b := a + len(p)
			from = b
			// a phrase starts a word, unless it is a possessive ending ("'s talk on")
			if a > 0 && isWordByte(low[a-1]) && p[0] != '\'' || b >= len(low) || low[b] != ' ' {
				continue
			}
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// cueMask returns the bits (compiled.cueFirst) of the cue phrases' first
// words that start a word of low and are followed by a space: one scan of
// the line and a lookup per word, where looking for every phrase would scan
// it once per phrase.
func (c *compiled) cueMask(low string) uint64 {
	var m uint64
	for s := 0; s < len(low); {
		e := strings.IndexByte(low[s:], ' ')
		if e < 0 {
			break // no space after: no phrase ends here or later
		}
		e += s
		// every word start of the space-free run low[s:e]: its start and
		// each byte after one that is no word's ("(created", "/uses")
		for a := s; a < e; a++ {
			if a > s && isWordByte(low[a-1]) || c.cueShape[low[a]]&(1<<min(e-a, 63)) == 0 {
				continue // no first word starts with this byte and is this long
			}
			m |= c.cueFirst[low[a:e]]
		}
		s = e + 1
	}
	return m
}

// indexCues gives each cue phrase's first word a bit (cueFirst, cue.bits).
// Past 64 first words, the rest share the last bit: a shared bit makes
// find look for more phrases than the line may hold, never fewer.
func (c *compiled) indexCues(cus []*cue) {
	c.cueFirst = map[string]uint64{}
	for _, cu := range cus {
		cu.bits = make([]uint64, len(cu.phrases))
		for j, p := range cu.phrases {
			if p == "" || p[0] == '\'' {
				continue
			}
			w, _, _ := strings.Cut(p, " ")
			b, ok := c.cueFirst[w]
			if !ok {
				b = 1 << min(len(c.cueFirst), 63)
				c.cueFirst[w] = b
			}
			cu.bits[j] = b
		}
	}
	c.cueShape = shapesOf(c.cueFirst)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b >= 0x80
}

func lowerSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[strings.ToLower(strings.TrimSpace(w))] = true
	}
	return m
}

// phraseRE matches any of the phrases as whole words, longest first.
// anchored is a phrase regexp that matches only at a text's start
// (phraseRE with a "^" prefix) with the bytes its match may start with: a
// text that starts with another byte is not run through the regexp, which
// for most lines of notes is all the regexp would do.
type anchored struct {
	re  *regexp.Regexp
	all bool // a phrase is empty: every text may match
	// skipSpace: the regexp allows spaces before its phrase (`^\s*`)
	skipSpace bool
	start     [256]bool
	// firsts are the phrases' first words, lower case ASCII: a match
	// starts with one of them in some case, so a text that starts with
	// none is not run through re either (nil: the guard is start alone)
	firsts []string
}

// anchor returns re guarded by the first bytes of the phrases that open
// its matches, in either case. A byte of a non-ASCII rune always runs re:
// (?i) folds 'k' with U+212A and 's' with U+017F. An empty phrase matches
// anywhere, so it turns the guard off.
func anchor(re *regexp.Regexp, phrases ...[]string) *anchored {
	a := &anchored{re: re}
	for b := utf8.RuneSelf; b < 256; b++ {
		a.start[b] = true
	}
	wide := false // a first word past ASCII may fold to ASCII ('ſ' to 's'): no firsts
	for _, ps := range phrases {
		for _, p := range ps {
			p = strings.TrimSpace(p)
			if p == "" {
				a.all = true
				continue
			}
			w, _, _ := strings.Cut(strings.ToLower(p), " ") // phraseRE's \s+ stands for the space
			if !slices.Contains(a.firsts, w) {
				a.firsts = append(a.firsts, w)
			}
			for i := 0; i < len(w); i++ {
				wide = wide || w[i] >= utf8.RuneSelf
			}
			c := p[0]
			a.start[c] = true
			switch {
			case 'a' <= c && c <= 'z':
				a.start[c-'a'+'A'] = true
			case 'A' <= c && c <= 'Z':
				a.start[c-'A'+'a'] = true
			}
		}
	}
	if wide {
		a.firsts = nil
	}
	return a
}

func (a *anchored) may(t string) bool {
	if a.skipSpace {
		t = t[spaceRun(t, 0):]
	}
	if a.all {
		return true
	}
	if t == "" || !a.start[t[0]] {
		return false
	}
	if a.firsts == nil {
		return true
	}
	for _, w := range a.firsts {
		if prefixFoldMay(t, w) {
			return true
		}
	}
	return false
}

// prefixFoldMay reports whether t may start with w (lower case ASCII)
// under (?i): it does in ASCII case, or a rune past ASCII stands where w
// is compared, which the regexp's folding may match ('K' for 'k'). A
// rune that folds to an ASCII letter is at least a byte, so a t shorter
// than w cannot start with it.
func prefixFoldMay(t, w string) bool {
	if len(t) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		b := t[i]
		if b >= utf8.RuneSelf {
			return true
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != w[i] {
			return false
		}
	}
	return true
}

func (a *anchored) FindStringIndex(t string) []int {
	if !a.may(t) {
		return nil
	}
	return a.re.FindStringIndex(t)
}

func (a *anchored) FindStringSubmatch(t string) []string {
	if !a.may(t) {
		return nil
	}
	return a.re.FindStringSubmatch(t)
}

func (a *anchored) MatchString(t string) bool { return a.may(t) && a.re.MatchString(t) }

func phraseRE(prefix string, ps []string, suffix string) *regexp.Regexp {
	ps = append([]string(nil), ps...)
	sort.Slice(ps, func(i, j int) bool {
		if len(ps[i]) != len(ps[j]) {
			return len(ps[i]) > len(ps[j])
		}
		return ps[i] < ps[j]
	})
	alts := make([]string, 0, len(ps))
	for _, p := range ps {
		q := regexp.QuoteMeta(strings.ToLower(strings.TrimSpace(p)))
		q = strings.ReplaceAll(q, " ", `\s+`)
		alts = append(alts, q)
	}
	if len(alts) == 0 {
		alts = []string{`\x00never`}
	}
	return regexp.MustCompile(`(?i)` + prefix + `(?:` + strings.Join(alts, "|") + `)` + suffix)
}

func (r *Rules) compile() *compiled {
	c := &compiled{
		sections:      map[string]string{},
		labels:        lowerSet(r.Labels),
		eventWords:    lowerSet(r.EventWords),
		generic:       lowerSet(r.Generic),
		workWords:     lowerSet(r.WorkWords),
		suffixCues:    map[string]string{},
		typeWords:     map[string]string{},
		toolSuffixes:  lowerSet(r.ToolSuffixes),
		stop:          lowerSet(r.Stopwords),
		notNames:      map[string]bool{},
		merges:        r.Merges,
		vetoes:        map[[2]string]bool{},
		copulas:       lowerSet(r.Copulas),
		questionFirst: map[string]bool{},
		roles:         lowerSet(r.Roles),
		detailFields:  lowerSet(r.DetailFields),
		termHeads:     lowerSet(r.TermHeads),
		weakModifiers: lowerSet(r.WeakModifiers),
		codeRoles:     lowerSet(r.CodeRoles),
		docWords:      lowerSet(r.DocWords),
	}
	for _, q := range r.QuestionLeads {
		if ws := strings.Fields(strings.ToLower(q)); len(ws) > 0 {
			c.questionLeads = append(c.questionLeads, ws)
			c.questionFirst[ws[0]] = true
		}
	}
	for _, suf := range r.ConceptSuffix {
		c.conceptSuffixes = append(c.conceptSuffixes, strings.ToLower(strings.TrimSpace(suf)))
	}
	kinds := make([]string, 0, len(r.Sections))
	for k := range r.Sections {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		for _, w := range r.Sections[k] {
			c.sections[strings.ToLower(w)] = k
		}
	}
	for _, s := range r.TitleSuffixes {
		c.titleSuffix = append(c.titleSuffix, strings.ToLower(s))
	}
	rels := make([]string, 0, len(r.Cues))
	for k := range r.Cues {
		rels = append(rels, k)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		var ps []string
		for _, p := range r.Cues[rel] {
			ps = append(ps, strings.Join(strings.Fields(strings.ToLower(p)), " "))
		}
		sort.Slice(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) || len(ps[i]) == len(ps[j]) && ps[i] < ps[j] })
		c.cues = append(c.cues, cue{rel: rel, phrases: ps})
	}
	for rel, ws := range r.SuffixCues {
		for _, w := range ws {
			c.suffixCues[strings.ToLower(w)] = rel
		}
	}
	for _, e := range r.Examples {
		c.examplePhrases = append(c.examplePhrases, strings.ToLower(strings.TrimSpace(e)))
	}
	c.indexExamples()
	c.examples = phraseRE(`(?:^|[\s(,;])(?:`, r.Examples, `)[\s:,]+`)
	for _, v := range r.TalkVerbs {
		c.talkVerbs.phrases = append(c.talkVerbs.phrases, strings.Join(strings.Fields(strings.ToLower(v)), " "))
	}
	sort.Slice(c.talkVerbs.phrases, func(i, j int) bool {
		a, b := c.talkVerbs.phrases[i], c.talkVerbs.phrases[j]
		return len(a) > len(b) || len(a) == len(b) && a < b
	})
	cus := []*cue{&c.talkVerbs}
	for i := range c.cues {
		cus = append(cus, &c.cues[i])
	}
	c.indexCues(cus)
	c.talkKind = anchor(phraseRE(`^(?:`, r.TalkKinds, `)(?:\s+#?\d{1,3})?\s*[:\-–—]\s*`), r.TalkKinds)
	c.kindByOn = anchor(phraseRE(`^(?:(?:a|an|the)\s+)?(?:`, r.TalkKinds, `)\s+by\s+(.+?)\s+(?:on|about)\s+(.+?)\.?$`), r.TalkKinds, []string{"a", "an", "the"})
	c.columns = map[string]string{}
	for kind, ws := range r.Columns {
		for _, w := range ws {
			c.columns[strings.ToLower(w)] = kind
		}
	}
	c.talkIntro = phraseRE(`(?:^|[\s(])`, r.TalkIntros, `\s*,?\s*`)
	c.kindBy = anchor(phraseRE(`^\s*(?:`, r.TalkKinds, `)\s+(?:by|from|with)\s+`), r.TalkKinds)
	c.kindBy.skipSpace = true
	c.speakerCue = anchor(phraseRE(`^(?:`, r.SpeakerCues, `)\s*[:\-–—]?\s+`), r.SpeakerCues)
	for typ, ws := range r.TypeWords {
		for _, w := range ws {
			c.typeWords[strings.ToLower(w)] = typ
		}
	}
	for _, p := range r.FoldPrefixes {
		c.prefixes = append(c.prefixes, strings.ToLower(p))
	}
	for _, w := range r.NotNames {
		c.notNames[w] = true
		if w != "" {
			c.notNameStart[w[0]] = true
		}
	}
	c.termHeadShape, c.suffixCueShape = shapesOf(c.termHeads), shapesOf(c.suffixCues)
	c.wordKinds = map[string]wordKind{}
	for _, set := range []struct {
		m    map[string]bool
		kind wordKind
	}{{c.stop, kindStop}, {c.generic, kindGeneric}, {c.workWords, kindWork}} {
		for w := range set.m {
			c.wordKinds[w] |= set.kind
		}
	}
	for _, v := range r.Vetoes {
		if len(v) == 2 {
			a, b := foldKey(v[0]), foldKey(v[1])
			c.vetoes[[2]string{a, b}] = true
			c.vetoes[[2]string{b, a}] = true
		}
	}
	return c
}
