package export

import (
	"bufio"
	"cmp"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/notegraph/notegraph/graph"
)

// IDSpace is the neo4j-admin id space of notegraph nodes: the CSV headers
// say id:ID(Node), :START_ID(Node) and :END_ID(Node).
const IDSpace = "Node"

// arrayDelimiters are tried in order; the first that occurs in no array
// value and no label is used. neo4j-admin has no way to escape its array
// delimiter inside a value, so it has to be a character the data lacks.
var arrayDelimiters = []rune{';', '|', 0x1F, 0x1E, 0x1D, 0x1C}

// Neo4jAdminCSV writes g to dir as CSV files for Neo4j 5's bulk importer,
// `neo4j-admin database import full`, and a README in dir with the exact
// command. dir is created if needed; files already there with other names
// are left alone.
//
// There is one nodes file per node type (nodes_<Type>.csv) and one
// relationships file per relationship type (rels_<TYPE>.csv). Ids, labels
// and properties are those of the live load and the Cypher script
// (NodePropertyList, RelPropertyList, NodeLabels): the header of a nodes file
// reads
//
//	id:ID(Node),name:string,aliases:string[],community:long,pagerank:double,…,evidence_files:string[],evidence_lines:long[],evidence_texts:string[],sources:string[],:LABEL
//
// and of a relationships file
//
//	:START_ID(Node),:END_ID(Node),…,evidence_files:string[],…,sources:string[],:TYPE
//
// Every string value is quoted, with quotes doubled (RFC 4180); an absent
// value (no community, a score a node lacks) is an empty unquoted field,
// which neo4j-admin skips. Values may span lines; the README's command then
// passes --multiline-fields=true. The array delimiter is ';' unless some
// array value or label contains one; then the first of '|', U+001F, U+001E,
// U+001D, U+001C that none contains (an error if all occur).
//
// A property name used with two types within one file (a score on one node,
// a descriptive prop of the same name on another) is an error: a CSV column
// has one type.
func Neo4jAdminCSV(dir string, g graph.Graph) error {
	plan, err := planCSV(g)
	if err != nil {
		return fmt.Errorf("neo4j-admin csv: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("neo4j-admin csv: %w", err)
	}
	for _, f := range plan.files {
		if err := writeCSVFile(filepath.Join(dir, f.name), f, plan); err != nil {
			return fmt.Errorf("neo4j-admin csv: %w", err)
		}
		f.props = nil // let them go
	}
	readme := plan.readme()
	if err := os.WriteFile(filepath.Join(dir, "README"), []byte(readme), 0o644); err != nil {
		return fmt.Errorf("neo4j-admin csv: %w", err)
	}
	return nil
}

// csvColumn is one property column of a CSV file.
type csvColumn struct {
	key, typ string // typ is a neo4j-admin header type: string, long, double, string[], long[]
}

// csvFile is one nodes or relationships file to write.
type csvFile struct {
	name  string
	rels  bool
	group string // node type or relationship type
	cols  []csvColumn
	nodes []graph.Node
	edges []graph.Edge
	// props holds the properties of nodes, then of edges, in order.
	props    [][]Property
	colIndex map[string]int // column of a property key
}

type csvPlan struct {
	files     []*csvFile
	delim     rune
	multiline bool
}

// planCSV groups g by type, finds each file's columns and the array
// delimiter, and checks that every value can be written.
func planCSV(g graph.Graph) (*csvPlan, error) {
	plan := &csvPlan{}
	byType := map[string]*csvFile{}
	// used marks the candidate delimiters (all ASCII) found in array values
	// and labels.
	var isDelim, used [256]bool
	for _, d := range arrayDelimiters {
		isDelim[d] = true
	}
	scan := func(s string, array bool) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\n' || c == '\r' {
				plan.multiline = true
			}
			if array && isDelim[c] {
				used[c] = true
			}
		}
	}
	addCols := func(f *csvFile, ps []Property) error {
		for _, p := range ps {
			switch v := p.Value.(type) {
			case string:
				scan(v, false)
			case []string:
				for _, s := range v {
					scan(s, true)
				}
			}
			typ := propertyType(p.Value)
			if i, ok := f.colIndex[p.Key]; ok {
				if f.cols[i].typ != typ {
					return fmt.Errorf("%s: property %q is %s on one item and %s on another", f.name, p.Key, f.cols[i].typ, typ)
				}
				continue
			}
			f.colIndex[p.Key] = len(f.cols)
			f.cols = append(f.cols, csvColumn{p.Key, typ})
		}
		return nil
	}
	for _, n := range g.Nodes {
		f := byType["n"+n.Type]
		if f == nil {
			f = &csvFile{group: n.Type}
			byType["n"+n.Type] = f
		}
		f.nodes = append(f.nodes, n)
		for _, l := range NodeLabels(n) {
			scan(l, true)
		}
	}
	for _, e := range g.Edges {
		f := byType["r"+e.Type]
		if f == nil {
			f = &csvFile{group: e.Type, rels: true}
			byType["r"+e.Type] = f
		}
		f.edges = append(f.edges, e)
	}
	for _, f := range byType {
		plan.files = append(plan.files, f)
	}
	slices.SortFunc(plan.files, func(a, b *csvFile) int {
		return cmp.Or(compareBool(a.rels, b.rels), strings.Compare(a.group, b.group))
	})
	names := map[string]bool{}
	for _, f := range plan.files {
		prefix := "nodes_"
		if f.rels {
			prefix = "rels_"
		}
		// Types become file names: fold them to safe characters, and keep
		// two types that fold alike apart.
		base := prefix + strings.TrimPrefix(PropertyKey(f.group), "_")
		if base == prefix {
			base += "untyped"
		}
		f.name = base + ".csv"
		for i := 2; names[strings.ToLower(f.name)]; i++ {
			f.name = base + "_" + strconv.Itoa(i) + ".csv"
		}
		names[strings.ToLower(f.name)] = true
		f.colIndex = map[string]int{}
		for _, n := range f.nodes {
			ps := NodePropertyList(n)
			f.props = append(f.props, ps)
			if err := addCols(f, ps); err != nil {
				return nil, err
			}
		}
		for _, e := range f.edges {
			ps := RelPropertyList(e)
			f.props = append(f.props, ps)
			if err := addCols(f, ps); err != nil {
				return nil, err
			}
		}
		scan(f.group, false)
		sortColumns(f.cols)
		for i, c := range f.cols {
			f.colIndex[c.key] = i
		}
	}
	plan.delim = -1
	for _, d := range arrayDelimiters {
		if !used[byte(d)] {
			plan.delim = d
			break
		}
	}
	if plan.delim < 0 {
		return nil, fmt.Errorf("no array delimiter possible: the values contain every one of %q", string(arrayDelimiters))
	}
	return plan, nil
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// csvRank orders the fixed columns; scores and props come between, sorted.
var csvRank = map[string]int{
	PropID: 1, PropName: 2, PropAliases: 3, PropCommunity: 4,
	PropEvidenceFiles: 100, PropEvidenceLines: 101, PropEvidenceTexts: 102, PropSources: 103,
}

func sortColumns(cols []csvColumn) {
	rank := func(k string) int {
		if r, ok := csvRank[k]; ok {
			return r
		}
		return 50
	}
	slices.SortFunc(cols, func(a, b csvColumn) int {
		return cmp.Or(cmp.Compare(rank(a.key), rank(b.key)), strings.Compare(a.key, b.key))
	})
}

func writeCSVFile(path string, f *csvFile, plan *csvPlan) (err error) {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := fh.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	w := bufio.NewWriterSize(fh, 64<<10)
	var line []byte

	// Header.
	if f.rels {
		line = append(line, ":START_ID("+IDSpace+"),:END_ID("+IDSpace+")"...)
	}
	for i, c := range f.cols {
		if i > 0 || f.rels {
			line = append(line, ',')
		}
		if c.key == PropID && !f.rels {
			line = append(line, PropID+":ID("+IDSpace+")"...)
			continue
		}
		line = append(line, c.key...)
		line = append(line, ':')
		line = append(line, c.typ...)
	}
	if f.rels {
		line = append(line, ",:TYPE\n"...)
	} else {
		line = append(line, ",:LABEL\n"...)
	}

	vals := make([]any, len(f.cols))
	row := func(ps []Property) {
		clear(vals)
		for _, p := range ps {
			vals[f.colIndex[p.Key]] = p.Value
		}
		for i, v := range vals {
			if i > 0 || f.rels {
				line = append(line, ',')
			}
			line = appendCSVValue(line, v, plan.delim)
		}
		line = append(line, ',')
	}
	for i, n := range f.nodes {
		if _, err := w.Write(line); err != nil {
			return err
		}
		line = line[:0]
		row(f.props[i])
		line = appendCSVArray(line, NodeLabels(n), plan.delim)
		line = append(line, '\n')
	}
	for i, e := range f.edges {
		if _, err := w.Write(line); err != nil {
			return err
		}
		line = line[:0]
		line = appendCSVString(line, e.Source)
		line = append(line, ',')
		line = appendCSVString(line, e.Target)
		row(f.props[len(f.nodes)+i])
		line = appendCSVString(line, e.Type)
		line = append(line, '\n')
	}
	if _, err := w.Write(line); err != nil {
		return err
	}
	return w.Flush()
}

// appendCSVValue appends one property value as a CSV field; nil (absent)
// is an empty unquoted field.
func appendCSVValue(dst []byte, v any, delim rune) []byte {
	switch x := v.(type) {
	case nil:
		return dst
	case string:
		return appendCSVString(dst, x)
	case []string:
		return appendCSVArray(dst, x, delim)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case []int64:
		dst = append(dst, '"')
		for i, n := range x {
			if i > 0 {
				dst = append(dst, string(delim)...)
			}
			dst = strconv.AppendInt(dst, n, 10)
		}
		return append(dst, '"')
	case float64:
		return appendJavaDouble(dst, x)
	}
	panic(fmt.Sprintf("export: csv: unexpected property type %T", v))
}

// appendJavaDouble writes f as Java's Double.parseDouble reads it exactly.
func appendJavaDouble(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	}
	return strconv.AppendFloat(dst, f, 'g', -1, 64)
}

// appendCSVString appends s as a quoted CSV field, doubling quotes.
func appendCSVString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		dst = append(dst, s[:i+1]...)
		dst = append(dst, '"')
		s = s[i+1:]
	}
	dst = append(dst, s...)
	return append(dst, '"')
}

// appendCSVArray appends ss joined by delim as one quoted CSV field. The
// caller has made sure that no element contains delim.
func appendCSVArray(dst []byte, ss []string, delim rune) []byte {
	return appendCSVString(dst, strings.Join(ss, string(delim)))
}

// readme returns the text of DIR/README: the import command for these files.
func (p *csvPlan) readme() string {
	var b strings.Builder
	b.WriteString(`Files for Neo4j's bulk importer, written by notegraph (export --to neo4j-admin).

Import them into a new, empty database (for Neo4j 5; stop the database, or
add --overwrite-destination=true to replace it). Run from this folder, with
neo4j-admin from the Neo4j installation (NEO4J_HOME/bin) on the PATH:

`)
	b.WriteString(p.command("neo4j"))
	b.WriteString(`
Replace the last "neo4j" on the first line by your database's name; on
Community Edition that is "neo4j". Then start Neo4j and create the id
constraints the live load uses, for example in cypher-shell:

  CREATE CONSTRAINT notegraph_id IF NOT EXISTS FOR (n:Notegraph) REQUIRE n.id IS UNIQUE;

Every node has the label Notegraph and its type as a label, and an id
property (e.g. "person:kenneth-reitz") that is the same as in notegraph's
live load and Cypher script; lists (aliases, evidence_files, evidence_lines,
evidence_texts, sources) are arrays, evidence_* parallel to each other.
`)
	return b.String()
}

// command returns the neo4j-admin command line, one option per line.
func (p *csvPlan) command(database string) string {
	delim := fmt.Sprintf("U+%04X", p.delim)
	opts := []string{
		"--id-type=string",
		"--array-delimiter=" + delim,
		"--delimiter=,",
		"--quote='\"'",
		"--legacy-style-quoting=false",
		"--ignore-empty-strings=false",
		"--trim-strings=false",
		"--multiline-fields=" + strconv.FormatBool(p.multiline),
	}
	for _, f := range p.files {
		if f.rels {
			opts = append(opts, "--relationships="+f.name)
		} else {
			opts = append(opts, "--nodes="+f.name)
		}
	}
	var b strings.Builder
	b.WriteString("  neo4j-admin database import full " + database)
	for _, o := range opts {
		b.WriteString(" \\\n    " + o)
	}
	b.WriteString("\n")
	return b.String()
}
