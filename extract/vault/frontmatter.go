package vault

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// property is one key of a note's front matter (YAML between --- lines) or
// of its Logseq page properties (key:: value lines at its top).
type property struct {
	Key    string   // as written
	Line   int      // 1-based line of the key in the file
	Values []string // a scalar is one value, a list one per item; null is none
}

// frontMatterEnd returns the number of bytes and lines of the YAML front
// matter that opens text (0, 0 when there is none): "---" on the first
// line, up to a line "---" or "...".
func frontMatterEnd(text []byte) (n, lines int) {
	first, rest, ok := bytes.Cut(text, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t")) != "---" {
		return 0, 0
	}
	off := len(first) + 1
	lines = 1
	for len(rest) > 0 {
		l, r, _ := bytes.Cut(rest, []byte("\n"))
		lines++
		off += len(l) + 1
		rest = r
		if t := string(bytes.TrimRight(l, " \t")); t == "---" || t == "..." {
			return min(off, len(text)), lines
		}
	}
	return 0, 0 // never closed: Obsidian reads it as text, and so do we
}

// parseFrontMatter reads the YAML between the front matter's fences (body
// starts on file line 2). Invalid YAML is reported and yields no properties,
// as in Obsidian, which then shows the block as text.
func parseFrontMatter(body []byte) ([]property, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("front matter is not valid YAML: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("front matter is not a mapping of keys to values")
	}
	var ps []property
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		ps = append(ps, property{Key: k.Value, Line: k.Line + 1, Values: yamlValues(v)})
	}
	return ps, nil
}

// yamlValues flattens a YAML value into strings. An unquoted [[Note]] is
// YAML for a list in a list; it is read back as the link the user wrote.
func yamlValues(v *yaml.Node) []string {
	switch v.Kind {
	case yaml.AliasNode:
		if v.Alias != nil {
			return yamlValues(v.Alias)
		}
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil
		}
		return []string{v.Value}
	case yaml.SequenceNode:
		if isWikiList(v) {
			return []string{"[[" + v.Content[0].Content[0].Value + "]]"}
		}
		var out []string
		for _, c := range v.Content {
			if isWikiList(c) {
				out = append(out, "[["+c.Content[0].Content[0].Value+"]]")
				continue
			}
			out = append(out, yamlValues(c)...)
		}
		return out
	case yaml.MappingNode:
		var parts []string
		for i := 0; i+1 < len(v.Content); i += 2 {
			parts = append(parts, v.Content[i].Value+": "+strings.Join(yamlValues(v.Content[i+1]), ", "))
		}
		return []string{strings.Join(parts, "; ")}
	}
	return nil
}

// isWikiList reports whether v is the YAML reading of an unquoted [[x]]:
// a sequence holding one sequence holding one scalar (or, one level down,
// a sequence holding one scalar).
func isWikiList(v *yaml.Node) bool {
	if v.Kind != yaml.SequenceNode || len(v.Content) != 1 {
		return false
	}
	c := v.Content[0]
	return c.Kind == yaml.SequenceNode && len(c.Content) == 1 && c.Content[0].Kind == yaml.ScalarNode
}

// logseqProp matches a Logseq page property: "alias:: Pi, 3.14".
var logseqProp = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*)::[ \t]*(.*)$`)

// logseqListKeys are the Logseq properties whose value is a comma-separated
// list of pages.
var logseqListKeys = map[string]bool{"alias": true, "aliases": true, "tags": true, "tag": true}

// logseqProperties reads the key:: value lines that open a Logseq page
// (its first block) and returns them with the number of lines they take.
func logseqProperties(lines []string) ([]property, int) {
	var ps []property
	n := 0
	for n < len(lines) {
		m := logseqProp.FindStringSubmatch(strings.TrimSpace(lines[n]))
		if m == nil {
			break
		}
		vals := []string{strings.TrimSpace(m[2])}
		if logseqListKeys[strings.ToLower(m[1])] {
			vals = splitList(m[2])
		}
		if len(vals) == 1 && vals[0] == "" {
			vals = nil
		}
		ps = append(ps, property{Key: m[1], Line: n + 1, Values: vals})
		n++
	}
	return ps, n
}

// splitList splits "a, b,c" into its trimmed, non-empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
