package export

import (
	"strings"
	"testing"
)

// The Cypher list of the default notegraph_keys is the Go list.
func TestEvidenceKeysLiteral(t *testing.T) {
	if want := "['" + strings.Join(evidenceKeys, "', '") + "']"; evidenceKeysLiteral != want {
		t.Errorf("evidenceKeysLiteral = %s, want %s", evidenceKeysLiteral, want)
	}
	if r := withKeys(row{}, nil); r["keys"] != nil {
		t.Errorf("an item with only evidence got keys %v", r["keys"])
	}
	r := withKeys(row{}, map[string]any{"prop_url": "x"})
	if got := cypherLiteral(r["keys"]); got != "['evidence_files', 'evidence_lines', 'evidence_texts', 'notegraph_keys', 'prop_url', 'sources']" {
		t.Errorf("keys = %s", got)
	}
}
