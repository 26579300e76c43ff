package extract

import (
	_ "embed"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

//go:embed rules.yaml
var defaultRulesYAML []byte

// Rules are the words extraction looks for. The built-in defaults live in
// rules.yaml (embedded; `notegraph rules` prints it); a user file given with
// --rules is applied on top: lists are appended to, unless the file sets
// `replace: true` on that key's parent.
type Rules struct {
	// Sections maps a kind of entry (talk, tool, concept, organization,
	// ignore) to heading words that announce it.
	Sections map[string][]string `yaml:"sections"`
	// Cues maps a relation type (CREATED, WORKS_AT, …) to the phrases that
	// state it.
	Cues map[string][]string `yaml:"cues"`
	// Merges lists groups of names that are one thing; Vetoes lists pairs
	// that must never be merged.
	Merges [][]string `yaml:"merges"`
	Vetoes [][]string `yaml:"vetoes"`
}

// DefaultRules returns the built-in rules.
func DefaultRules() *Rules {
	var r Rules
	if err := yaml.Unmarshal(defaultRulesYAML, &r); err != nil {
		panic(fmt.Sprintf("built-in rules.yaml: %v", err)) // a build defect, caught by tests
	}
	return &r
}

// LoadRules reads a rules file and applies it on top of the defaults.
func LoadRules(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read rules: %w", err)
	}
	var user Rules
	if err := yaml.Unmarshal(data, &user); err != nil {
		return nil, fmt.Errorf("rules %s: %w", path, err)
	}
	r := DefaultRules()
	for k, v := range user.Sections {
		r.Sections[k] = append(r.Sections[k], v...)
	}
	for k, v := range user.Cues {
		r.Cues[k] = append(r.Cues[k], v...)
	}
	r.Merges = append(r.Merges, user.Merges...)
	r.Vetoes = append(r.Vetoes, user.Vetoes...)
	return r, nil
}
