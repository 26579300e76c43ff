package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notegraph/notegraph/graph"
)

// DefaultScriptBatchSize is the number of rows per statement in a Cypher
// script: small enough for Neo4j Browser and cypher-shell to parse quickly.
const DefaultScriptBatchSize = 500

// CypherOptions configure Cypher.
type CypherOptions struct {
	// BatchSize is the number of rows per UNWIND statement
	// (DefaultScriptBatchSize when 0).
	BatchSize int
}

// Cypher writes g as a re-runnable Cypher script: the uniqueness
// constraints, then the nodes and the relationships as UNWIND … MERGE
// statements over literal lists of BatchSize rows, each statement ending with
// ";" on its own line end. It runs in cypher-shell (cypher-shell -f FILE)
// and in Neo4j Browser (paste; multi-statement editing is on by default),
// and writes exactly what the live load (Neo4j) writes. Running it twice
// changes nothing. It never deletes: for sync, use the live load.
//
// Every string is a single-quoted literal with quotes, backslashes and
// control characters escaped; labels, types and keys are backtick-quoted.
// A statement never spans a literal newline inside a string, so splitting the
// script at lines that end with ";" is safe. The output is byte-identical for
// equal graphs.
func Cypher(w io.Writer, g graph.Graph, opts CypherOptions) error {
	batch := opts.BatchSize
	if batch <= 0 {
		batch = DefaultScriptBatchSize
	}
	bw := bufio.NewWriter(w)
	nodes, rels := nodeRows(g), relRows(g)
	files := cypherLiteral(stringList(loadFiles(g)))

	title := strings.Join(strings.Fields(g.Title), " ")
	fmt.Fprintf(bw, "// notegraph Cypher script: %d nodes, %d relationships", len(g.Nodes), len(g.Edges))
	if title != "" {
		fmt.Fprintf(bw, " from %s", strings.ReplaceAll(title, "*/", "* /"))
	}
	bw.WriteString(".\n// Re-runnable: constraints, then MERGE by id; a second run changes nothing.\n")
	bw.WriteString("// Run with: cypher-shell -a bolt://localhost:7687 -u neo4j -f graph.cypher\n\n")

	for _, label := range append([]string{NodeLabel}, groupNames(nodes)...) {
		bw.WriteString(constraintQuery(label))
		bw.WriteString(";\n")
	}
	for _, grp := range nodes {
		for i := 0; i < len(grp.rows); i += batch {
			rows := rowsLiteral(grp.rows[i:min(i+batch, len(grp.rows))])
			fmt.Fprintf(bw, "\n%s;\n", nodeUpsertQuery(grp.name, rows, files))
		}
	}
	for _, grp := range rels {
		for i := 0; i < len(grp.rows); i += batch {
			rows := rowsLiteral(grp.rows[i:min(i+batch, len(grp.rows))])
			fmt.Fprintf(bw, "\n%s;\n", relUpsertQuery(grp.name, rows, files))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write cypher: %w", err)
	}
	return nil
}

// rowsLiteral writes rows as a list literal, one row a line.
func rowsLiteral(rows []row) string {
	var b strings.Builder
	b.WriteString("[\n")
	for i, r := range rows {
		b.WriteString("  ")
		writeLiteral(&b, r)
		if i < len(rows)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]")
	return b.String()
}

// cypherLiteral renders v (string, int64, float64, bool, nil, []any,
// map[string]any) as a Cypher literal.
func cypherLiteral(v any) string {
	var b strings.Builder
	writeLiteral(&b, v)
	return b.String()
}

func writeLiteral(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(QuoteString(v))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case int:
		b.WriteString(strconv.Itoa(v))
	case float64:
		b.WriteString(floatLiteral(v))
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeLiteral(b, x)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteName(k))
			b.WriteString(": ")
			writeLiteral(b, v[k])
		}
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("export: no Cypher literal for %T", v))
	}
}

// floatLiteral renders f so that Cypher reads it back as the same float
// (never as an integer).
func floatLiteral(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "null" // rows never hold these (addFree drops them)
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// QuoteString returns s as a single-quoted Cypher string literal. Quotes and
// backslashes are escaped, and so are control characters and other
// invisible or line-breaking code points (as \uXXXX), so the literal stays on
// one line; other Unicode is written as is (UTF-8). Invalid UTF-8 becomes
// U+FFFD.
func QuoteString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\'':
			b.WriteString(`\'`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r == utf8.RuneError && size <= 1:
				b.WriteString(`\uFFFD`)
			case r < 0x20 || r == 0x7f || (r <= 0xffff && !unicode.IsPrint(r) && r != ' '):
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}
