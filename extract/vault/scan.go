package vault

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refKind says how a note refers to another file.
type refKind uint8

const (
	refWiki     refKind = iota // [[Note]], [[Note|label]], [[Note#heading]], ![[Note]]
	refMarkdown                // [label](Note.md), ![alt](image.png)
	refProperty                // a front-matter value that is a [[link]]
)

// ref is one link or embed in a note, before resolution.
type ref struct {
	Line   int
	Text   string // the source line, trimmed: the evidence
	Kind   refKind
	Embed  bool   // written with a leading '!'
	Target string // the file named, as written, without heading or label
	Label  string // the text shown instead ([[Note|label]], [label](Note.md))
	Key    string // the front-matter key a refProperty sits under
}

// tagRef is one #tag (or front-matter tag) in a note.
type tagRef struct {
	Line int
	Text string
	Tag  string // without '#', as written: "lang/go"
}

// scanned is what one note says about itself and the other notes: the
// plain data between scanning (per note) and building (the vault).
type scanned struct {
	Props       []property
	PropsLogseq bool
	H1          string // the first level-1 heading's text
	H1Line      int
	FirstLine   string // line 1's text, trimmed: evidence for a note named by its file
	Refs        []ref
	Tags        []tagRef
	lineText    func(int) string
}

// Attachment extensions: what Obsidian embeds as a file rather than a note
// (help.obsidian.md, "Accepted file formats"), and the canvas.
var attachmentExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".svg": true, ".webp": true,
	".avif": true, ".tif": true, ".tiff": true, ".ico": true,
	".mp3": true, ".webm": true, ".wav": true, ".m4a": true, ".ogg": true, ".3gp": true, ".flac": true,
	".mp4": true, ".ogv": true, ".mov": true, ".mkv": true,
	".pdf": true, ".canvas": true, ".excalidraw": true, ".zip": true, ".csv": true, ".xlsx": true, ".docx": true,
}

// IsAttachment reports whether the inside of a [[link]] ("img.png|300")
// names a file that is not a note (an image, a PDF, …), by its extension.
func IsAttachment(link string) bool {
	t, _ := splitWiki(link)
	return isAttachment(t)
}

func isAttachment(target string) bool {
	return attachmentExt[strings.ToLower(path.Ext(target))]
}

var (
	// wikiRE is Obsidian's [[…]] with an optional '!' (an embed). The
	// inside holds no ']' and no line break, as in Obsidian.
	wikiRE = regexp.MustCompile(`(!?)\[\[([^\]\n]+)\]\]`)
	// mdLinkRE is an inline Markdown link or image: [text](dest "title").
	mdLinkRE = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)`)
	// urlRE is a bare URL, whose '#fragment' is not a tag.
	urlRE = regexp.MustCompile(`(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+`)
	// schemeRE starts a link destination that is a URL, not a file.
	schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	// headingRE is an ATX heading's marker.
	headingRE = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)`)
	// fenceRE opens or closes a fenced code block, inside a quote or list too.
	fenceRE = regexp.MustCompile("^[ \t>]*(?:[-*+][ \t]+|\\d+[.)][ \t]+)?(`{3,}|~{3,})")
)

// scan reads one note: its properties, its first H1, its links and embeds,
// and its tags. Code (fenced blocks, `spans`), Obsidian %%comments%% and
// HTML comments are not read; URLs hold no tags.
func scan(text []byte) (scanned, []lineDiag) {
	var s scanned
	var diags []lineDiag
	lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	s.lineText = func(n int) string {
		if n < 1 || n > len(lines) {
			return ""
		}
		return strings.TrimSpace(lines[n-1])
	}
	s.FirstLine = s.lineText(1)
	start := 0
	if n, nl := frontMatterEnd(text); n > 0 {
		ps, err := parseFrontMatter([]byte(strings.Join(lines[1:nl-1], "\n")))
		if err != nil {
			diags = append(diags, yamlDiag(err))
		}
		s.Props = ps
		start = nl
	} else if ps, n := logseqProperties(lines); n > 0 {
		s.Props, s.PropsLogseq, start = ps, true, n
	}
	for _, p := range s.Props {
		for _, v := range p.Values {
			for _, m := range wikiRE.FindAllStringSubmatch(v, -1) {
				if t, _ := splitWiki(m[2]); t != "" {
					s.Refs = append(s.Refs, ref{Line: p.Line, Text: s.lineText(p.Line), Kind: refProperty, Embed: m[1] != "", Target: t, Key: p.Key})
				}
			}
		}
	}
	var fence string // the open fence's run ("```"), "" outside code
	comment := false // inside a %% comment that spans lines
	for i := start; i < len(lines); i++ {
		n := i + 1
		raw := lines[i]
		if fence != "" {
			if m := fenceRE.FindStringSubmatch(raw); m != nil && m[1][0] == fence[0] && len(m[1]) >= len(fence) &&
				strings.TrimSpace(raw[strings.Index(raw, m[1])+len(m[1]):]) == "" {
				fence = ""
			}
			continue
		}
		if m := fenceRE.FindStringSubmatch(raw); m != nil && !(m[1][0] == '`' && strings.Contains(raw[strings.Index(raw, m[1])+len(m[1]):], "`")) {
			fence = m[1]
			continue
		}
		l := blankComments(raw, &comment)
		l = blankCode(l)
		if m := headingRE.FindStringSubmatchIndex(l); m != nil {
			if m[3]-m[2] == 1 && s.H1 == "" {
				s.H1, s.H1Line = headingText(l[m[1]:]), n
			}
			l = strings.Repeat(" ", m[1]) + l[m[1]:]
		}
		if !strings.ContainsAny(l, "[#") {
			continue
		}
		text := strings.TrimSpace(raw)
		b := []byte(l)
		if strings.Contains(l, "[[") {
			for _, m := range wikiLinks(l) {
				if t, label := splitWiki(l[m.in : m.end-2]); t != "" {
					s.Refs = append(s.Refs, ref{Line: n, Text: text, Kind: refWiki, Embed: m.embed, Target: t, Label: label})
				}
				blank(b, m.start, m.end)
			}
		}
		if strings.Contains(l, "](") {
			for _, m := range mdLinkRE.FindAllStringSubmatchIndex(l, -1) {
				embed := m[3] > m[2]
				if t, ok := fileTarget(l[m[6]:m[7]]); ok && (embed || isNoteFile(t) || isAttachment(t) || path.Ext(t) == "") {
					s.Refs = append(s.Refs, ref{Line: n, Text: text, Kind: refMarkdown, Embed: embed, Target: t, Label: l[m[4]:m[5]]})
				}
				blank(b, m[0], m[1])
			}
		}
		if bytes.IndexByte(b, '#') < 0 {
			continue
		}
		l = string(b)
		if strings.Contains(l, "://") || strings.Contains(l, "www.") {
			l = urlRE.ReplaceAllStringFunc(l, func(w string) string { return strings.Repeat(" ", len(w)) })
		}
		for _, sp := range FindTags(l) {
			s.Tags = append(s.Tags, tagRef{Line: n, Text: text, Tag: strings.Trim(l[sp[0]+1:sp[1]], "/")})
		}
	}
	return s, diags
}

// wikiLink is where one [[…]] sits in a line: from start (its '!' when
// an embed) to end, its inside from in to end-2.
type wikiLink struct {
	start, in, end int
	embed          bool
}

// wikiLinks finds the [[…]] of a line as wikiRE does, without a regexp
// (wikiRE's backtracking was half the time of scan): the inside holds no
// ']' and is not empty. FuzzWikiLinks holds the two equal.
func wikiLinks(l string) []wikiLink {
	var out []wikiLink
	for from := 0; ; {
		i := strings.Index(l[from:], "[[")
		if i < 0 {
			return out
		}
		i += from
		j := i + 2
		k := strings.IndexByte(l[j:], ']')
		if k <= 0 || j+k+1 >= len(l) || l[j+k+1] != ']' || strings.IndexByte(l[j:j+k], '\n') >= 0 {
			from = i + 1
			continue
		}
		w := wikiLink{start: i, in: j, end: j + k + 2}
		if i > 0 && l[i-1] == '!' {
			w.start, w.embed = i-1, true
		}
		out = append(out, w)
		from = w.end
	}
}

// yamlLine is the line yaml.v3 puts in its messages ("yaml: line 2: …"),
// counted from the front matter's first line.
var yamlLine = regexp.MustCompile(`yaml: line (\d+): `)

// yamlDiag places a front-matter error on its line of the file (the front
// matter starts on line 2), or on line 1. (yaml.v3 counts from 0 for an
// error inside a flow list, "[a, b": those land a line early.)
func yamlDiag(err error) lineDiag {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		return lineDiag{n + 1, msg[:m[0]] + msg[m[1]:]}
	}
	return lineDiag{1, msg}
}

// lineDiag is a problem on one line of the note being scanned.
type lineDiag struct {
	Line int
	Msg  string
}

// splitWiki splits the inside of [[…]] into its target (no heading, block
// or label; "\|" in a table is the label bar) and its label.
func splitWiki(in string) (target, label string) {
	in = strings.ReplaceAll(in, `\|`, "|")
	target, label, _ = strings.Cut(in, "|")
	target, _, _ = strings.Cut(target, "#")
	return strings.TrimSpace(target), strings.TrimSpace(label)
}

// fileTarget reads a Markdown link destination that names a file of the
// vault: not a URL, percent-decoded, without #fragment or ?query.
func fileTarget(dest string) (string, bool) {
	dest = strings.TrimSuffix(strings.TrimPrefix(dest, "<"), ">")
	if dest == "" || dest[0] == '#' || schemeRE.MatchString(dest) {
		return "", false
	}
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	return dest, dest != ""
}

// isNoteFile reports whether a path names a Markdown note.
func isNoteFile(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

// blankComments blanks %%Obsidian comments%% and <!-- HTML comments --> on
// one line; *open carries a %% comment across lines.
func blankComments(l string, open *bool) string {
	if !*open && !strings.Contains(l, "%%") && !strings.Contains(l, "<!--") {
		return l
	}
	b := []byte(l)
	for i := 0; i < len(b); i++ {
		switch {
		case i+1 < len(b) && b[i] == '%' && b[i+1] == '%':
			*open = !*open
			b[i], b[i+1] = ' ', ' '
			i++
		case *open:
			b[i] = ' '
		case strings.HasPrefix(string(b[i:]), "<!--"):
			end := strings.Index(string(b[i+4:]), "-->")
			if end < 0 {
				end = len(b) - i - 4 - 3
			}
			for j := i; j < min(len(b), i+4+end+3); j++ {
				b[j] = ' '
			}
		}
	}
	return string(b)
}

// blankCode blanks the code spans of a line (one or more backticks to a
// run of as many), keeping offsets.
func blankCode(l string) string {
	if strings.IndexByte(l, '`') < 0 {
		return l
	}
	b := []byte(l)
	// tickRun returns the end of the run of backticks at i.
	tickRun := func(i int) int {
		for i < len(b) && b[i] == '`' {
			i++
		}
		return i
	}
	for i := 0; i < len(b); {
		if b[i] != '`' {
			i++
			continue
		}
		j := tickRun(i)
		end := -1
		for k := j; k < len(b); k++ {
			if b[k] == '`' {
				m := tickRun(k)
				if m-k == j-i {
					end = m
					break
				}
				k = m - 1
			}
		}
		if end < 0 {
			i = j
			continue
		}
		for k := i; k < end; k++ {
			b[k] = ' '
		}
		i = end
	}
	return string(b)
}

// headingText is a heading's text without closing #s and link brackets.
func headingText(s string) string {
	s = strings.TrimSpace(s)
	if t := strings.TrimRight(s, "#"); t != s && (t == "" || strings.HasSuffix(t, " ")) {
		s = strings.TrimSpace(t)
	}
	s = wikiRE.ReplaceAllStringFunc(s, func(w string) string {
		m := wikiRE.FindStringSubmatch(w)
		t, label := splitWiki(m[2])
		if label != "" {
			return label
		}
		return t
	})
	return strings.Trim(s, "*_ ")
}

// FindTags returns the [start, end) of each #tag in a line (its '#'
// included) whose code, links and URLs are blanked. As in Obsidian, a tag
// starts at the line's start or after white space, holds letters, digits,
// '_', '-' and '/', and is not all digits ("#1" is not a tag); a trailing
// '/' is not part of it.
func FindTags(l string) [][2]int {
	var out [][2]int
	for i := 0; i < len(l); i++ {
		if l[i] != '#' || i > 0 && !isSpace(l[i-1]) {
			continue
		}
		j := i + 1
		for j < len(l) {
			r, size := rune(l[j]), 1
			if r >= 0x80 {
				r, size = utf8.DecodeRuneInString(l[j:])
			}
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/') {
				break
			}
			j += size
		}
		end := j
		for end > i+1 && l[end-1] == '/' {
			end--
		}
		if t := l[i+1 : end]; t != "" && strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			out = append(out, [2]int{i, end})
		}
		i = j - 1
	}
	return out
}

// blank replaces b[from:to] with spaces.
func blank(b []byte, from, to int) {
	for i := from; i < to; i++ {
		b[i] = ' '
	}
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}
