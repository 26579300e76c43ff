package main

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/graph"
)

func init() { subcommands = append(subcommands, newAnalyzeCmd) }

type analyzeOptions struct {
	extractFlags
	top         int
	types       []string
	format      string
	output      string
	samples     int
	seed        uint64
	communities string
	resolution  float64
}

func newAnalyzeCmd() *cobra.Command {
	var o analyzeOptions
	cmd := &cobra.Command{
		Use:   "analyze NOTES|graph.json [--top N] [--type Person] [--format table|markdown|csv|json] [-o graph.json]",
		Short: "Rank nodes by centrality and list communities and bridges",
		Long: `Analyze computes, on the undirected view of the graph (all relations between two
nodes form one link weighted by their number; self-links ignored):

  degree, weighted_degree, in_degree, out_degree
  pagerank      damping 0.85, links followed both ways in proportion to weight
  betweenness   normalized as networkx does, 1/((n-1)(n-2)); path length in hops
  closeness     networkx closeness_centrality (Wasserman–Faust, for disconnected graphs)
  harmonic      networkx harmonic_centrality (sum of 1/distance)
  eigenvector   networkx eigenvector_centrality, weighted
  articulation  1 for a node whose removal disconnects its component
  community     Louvain (gonum up to 5,000 nodes, notegraph's own above), fixed seed

and prints a ranked table per measure, each community with its size and top
members (by PageRank), and the bridges (links whose removal disconnects the
graph). --type restricts the tables to nodes of that type; the analysis always
uses the whole graph.

Betweenness and closeness are exact while nodes × links ≤ 5·10⁸ (10,000 nodes,
50,000 links); above that they are estimated from 1,000 seeded pivots, or
--betweenness-samples K (0: automatic, -1: always exact).

-o FILE writes the graph with its scores (JSON, as extract writes it, plus
"scores" and "community"); with -o - the graph goes to stdout and no tables are
printed, and with -q -o FILE nothing is printed.`,
		Example: `  notegraph analyze notes/ --top 5 --type Person
  notegraph analyze graph.json --format markdown > analysis.md
  notegraph analyze vault/ -o graph.json --betweenness-samples 2000`,
		Args: cobra.MinimumNArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			return o.check(args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAnalyze(o, args)
		},
	}
	o.register(cmd)
	f := cmd.Flags()
	f.IntVar(&o.top, "top", 10, "show the top `N` nodes per measure (0: all)")
	f.StringSliceVar(&o.types, "type", nil, "only rank nodes of this `TYPE` (repeatable, comma-separated; e.g. Person,Tool)")
	f.StringVar(&o.format, "format", "table", "report `FORMAT`: table, markdown, csv or json")
	f.StringVarP(&o.output, "output", "o", "", "also write the analysed graph as JSON to `FILE` (- for stdout)")
	f.IntVar(&o.samples, "betweenness-samples", 0, "betweenness pivots `K` (0: automatic, -1: exact)")
	f.Uint64Var(&o.seed, "seed", 0, "`SEED` for community detection and pivot sampling")
	f.StringVar(&o.communities, "communities", "auto", "community `METHOD`: auto, gonum or louvain")
	f.Float64Var(&o.resolution, "resolution", 1, "modularity resolution `GAMMA` (higher: smaller communities)")
	return cmd
}

// analyzeFormats are the --format values.
var analyzeFormats = []string{"table", "markdown", "csv", "json"}

// nodeTypes are the --type values (matched without regard to case).
var nodeTypes = []string{graph.Person, graph.Talk, graph.Tool, graph.Concept, graph.Organization, graph.Event, graph.Link}

// check validates the flags and the paths before any work.
func (o *analyzeOptions) check(args []string) error {
	if err := oneOf("format", o.format, analyzeFormats); err != nil {
		return err
	}
	if err := oneOf("communities", o.communities, []string{"auto", graph.CommunitiesGonum, graph.CommunitiesLouvain}); err != nil {
		return err
	}
	for _, t := range o.types {
		if !slices.ContainsFunc(nodeTypes, func(n string) bool { return strings.EqualFold(n, strings.TrimSpace(t)) }) {
			return usagef("--type %q: want %s", t, orList(nodeTypes))
		}
	}
	if o.top < 0 {
		return usagef("--top %d: want 0 or more", o.top)
	}
	if o.samples < -1 {
		return usagef("--betweenness-samples %d: want -1, 0 or a number of pivots", o.samples)
	}
	if !(o.resolution > 0) {
		return usagef("--resolution %g: want a positive number", o.resolution)
	}
	if err := checkOutputFile(o.output, "json"); err != nil {
		return err
	}
	return checkInputs(args)
}

// runAnalyze analyzes and reports; o has passed check.
func runAnalyze(o analyzeOptions, args []string) error {
	method := o.communities
	if method == "auto" {
		method = graph.CommunitiesAuto
	}
	g, err := loadGraph(args, o.extractFlags)
	if err != nil {
		return err
	}
	opts := graph.AnalysisOptions{
		Seed:               o.seed,
		BetweennessSamples: o.samples,
		Communities:        method,
		Resolution:         o.resolution,
	}
	bar := newProgress(-1, "analyzing")
	if bar != nil {
		opts.Progress = func(stage string) { bar.Describe("analyzing: " + stage) }
	}
	err = graph.Analyze(&g, opts)
	if bar != nil {
		_ = bar.Finish()
		_ = bar.Clear()
	}
	if err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	if o.output != "" {
		if err := writeOutput(o.output, func(w io.Writer) error { return graph.WriteJSON(w, g) }); err != nil {
			return err
		}
		if o.output == "-" || globals.quiet {
			return nil
		}
	}
	r := buildReport(g, o, opts)
	return writeOutput("-", func(w io.Writer) error { return r.write(w, o.format) })
}

// report is what analyze prints, in every format.
type report struct {
	Title        string       `json:"title,omitempty"`
	Nodes        int          `json:"nodes"`
	Links        int          `json:"links"`
	Betweenness  string       `json:"betweenness"`
	Types        []string     `json:"types,omitempty"`
	Rankings     []ranking    `json:"rankings"`
	Articulation []rankedNode `json:"articulation_points"`
	Communities  []commRow    `json:"communities"`
	MoreComms    int          `json:"more_communities,omitempty"`
	Bridges      []bridgeRow  `json:"bridges"`
	MoreBridges  int          `json:"more_bridges,omitempty"`
}

type ranking struct {
	Score string       `json:"score"`
	Title string       `json:"title"`
	Nodes []rankedNode `json:"nodes"`
}

type rankedNode struct {
	Rank  int     `json:"rank"`
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Type  string  `json:"type"`
	Value float64 `json:"value"`
}

type commRow struct {
	Community int          `json:"community"`
	Size      int          `json:"size"`
	Top       []rankedNode `json:"top"`
}

type bridgeRow struct {
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Relations []string `json:"relations"`
	// PageRank is the sum of the ends' PageRank, the order of the list.
	PageRank float64 `json:"pagerank"`
}

var rankedScores = []struct{ key, title string }{
	{graph.ScorePageRank, "PageRank"},
	{graph.ScoreBetweenness, "Betweenness"},
	{graph.ScoreDegree, "Degree"},
	{graph.ScoreWeightedDegree, "Weighted degree"},
	{graph.ScoreCloseness, "Closeness"},
	{graph.ScoreHarmonic, "Harmonic closeness"},
	{graph.ScoreEigenvector, "Eigenvector"},
}

// membersShown is the number of top members listed per community.
const membersShown = 5

func buildReport(g graph.Graph, o analyzeOptions, opts graph.AnalysisOptions) report {
	keep := func(n graph.Node) bool {
		if len(o.types) == 0 {
			return true
		}
		for _, t := range o.types {
			if strings.EqualFold(strings.TrimSpace(t), n.Type) {
				return true
			}
		}
		return false
	}
	limit := func(k int) int {
		if o.top == 0 {
			return k
		}
		return min(o.top, k)
	}
	var nodes []graph.Node
	for _, n := range g.Nodes {
		if keep(n) {
			nodes = append(nodes, n)
		}
	}
	byScore := func(key string, ns []graph.Node) []graph.Node {
		ns = slices.Clone(ns)
		slices.SortStableFunc(ns, func(a, b graph.Node) int {
			return cmp.Or(cmp.Compare(b.Scores[key], a.Scores[key]), strings.Compare(a.ID, b.ID))
		})
		return ns
	}
	rank := func(key string, ns []graph.Node) []rankedNode {
		out := []rankedNode{}
		for i, n := range ns {
			out = append(out, rankedNode{Rank: i + 1, ID: n.ID, Name: n.Name, Type: n.Type, Value: n.Scores[key]})
		}
		return out
	}

	links := map[[2]string][]string{}
	for _, e := range g.Edges {
		if e.Source == e.Target {
			continue
		}
		k := [2]string{min(e.Source, e.Target), max(e.Source, e.Target)}
		links[k] = append(links[k], e.Type)
	}
	r := report{Title: g.Title, Nodes: len(g.Nodes), Links: len(links), Types: o.types}
	if k := opts.Pivots(len(g.Nodes), len(links)); k < len(g.Nodes) {
		r.Betweenness = fmt.Sprintf("sampled, %d pivots (seed %d)", k, opts.Seed)
	} else {
		r.Betweenness = "exact"
	}
	for _, s := range rankedScores {
		ns := byScore(s.key, nodes)
		r.Rankings = append(r.Rankings, ranking{Score: s.key, Title: s.title, Nodes: rank(s.key, ns[:limit(len(ns))])})
	}
	var art []graph.Node
	for _, n := range byScore(graph.ScoreBetweenness, nodes) {
		if n.Scores[graph.ScoreArticulation] == 1 {
			art = append(art, n)
		}
	}
	r.Articulation = rank(graph.ScoreBetweenness, art[:limit(len(art))])

	// Communities: numbered by size already; members ranked by PageRank.
	members := map[int][]graph.Node{}
	sizes := map[int]int{}
	maxComm := -1
	for _, n := range g.Nodes {
		if n.Community == nil {
			continue
		}
		c := *n.Community
		sizes[c]++
		maxComm = max(maxComm, c)
		if keep(n) {
			members[c] = append(members[c], n)
		}
	}
	r.Communities = []commRow{}
	for c := 0; c <= maxComm; c++ {
		if len(members[c]) == 0 {
			continue
		}
		if o.top > 0 && len(r.Communities) == o.top {
			r.MoreComms++
			continue
		}
		ns := byScore(graph.ScorePageRank, members[c])
		r.Communities = append(r.Communities, commRow{Community: c, Size: sizes[c], Top: rank(graph.ScorePageRank, ns[:min(membersShown, len(ns))])})
	}

	idx := g.NodeIndex()
	seen := map[[2]string]bool{}
	r.Bridges = []bridgeRow{}
	for _, e := range g.Edges {
		k := [2]string{min(e.Source, e.Target), max(e.Source, e.Target)}
		if e.Scores[graph.ScoreBridge] != 1 || seen[k] {
			continue
		}
		seen[k] = true
		a, b := g.Nodes[idx[k[0]]], g.Nodes[idx[k[1]]]
		if !keep(a) && !keep(b) {
			continue
		}
		rel := slices.Compact(slices.Sorted(slices.Values(links[k])))
		r.Bridges = append(r.Bridges, bridgeRow{Source: a.Name, Target: b.Name, Relations: rel, PageRank: a.Scores[graph.ScorePageRank] + b.Scores[graph.ScorePageRank]})
	}
	slices.SortStableFunc(r.Bridges, func(a, b bridgeRow) int {
		return cmp.Or(cmp.Compare(b.PageRank, a.PageRank), strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
	})
	if n := limit(len(r.Bridges)); n < len(r.Bridges) {
		r.MoreBridges = len(r.Bridges) - n
		r.Bridges = r.Bridges[:n]
	}
	return r
}

// formatValue prints whole numbers as integers and others with 4 significant digits.
func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

func (r report) write(w io.Writer, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(r)
	case "csv":
		return r.writeCSV(w)
	}
	md := format == "markdown"
	esc := func(s string) string {
		if md {
			return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
		}
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	title := r.Title
	if title == "" {
		title = "Graph"
	}
	head := fmt.Sprintf("%s: %d nodes, %d links, %d communities; betweenness %s", title, r.Nodes, r.Links, len(r.Communities)+r.MoreComms, r.Betweenness)
	if len(r.Types) > 0 {
		head += "; showing " + strings.Join(r.Types, ", ")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	table := func(heading string, cols []string, rows [][]string) {
		if md {
			fmt.Fprintf(w, "\n## %s\n\n| %s |\n|%s\n", heading, strings.Join(cols, " | "), strings.Repeat(" --- |", len(cols)))
			for _, row := range rows {
				for i := range row {
					row[i] = esc(row[i])
				}
				fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
			}
			if len(rows) == 0 {
				fmt.Fprintf(w, "| (none) |%s\n", strings.Repeat(" |", len(cols)-1))
			}
			return
		}
		fmt.Fprintf(w, "\n%s\n", heading)
		if len(rows) == 0 {
			fmt.Fprintln(w, "  (none)")
			return
		}
		fmt.Fprintf(tw, "  %s\n", strings.Join(cols, "\t"))
		for _, row := range rows {
			for i := range row {
				row[i] = esc(row[i])
			}
			fmt.Fprintf(tw, "  %s\n", strings.Join(row, "\t"))
		}
		tw.Flush()
	}
	if md {
		fmt.Fprintf(w, "# %s\n", esc(head))
	} else {
		fmt.Fprintln(w, esc(head))
	}
	nodeRows := func(ns []rankedNode) [][]string {
		var rows [][]string
		for _, n := range ns {
			rows = append(rows, []string{strconv.Itoa(n.Rank), n.Name, n.Type, formatValue(n.Value)})
		}
		return rows
	}
	for _, rk := range r.Rankings {
		table(rk.Title, []string{"#", "name", "type", rk.Score}, nodeRows(rk.Nodes))
	}
	table("Articulation points (by betweenness)", []string{"#", "name", "type", "betweenness"}, nodeRows(r.Articulation))
	var rows [][]string
	for _, c := range r.Communities {
		var names []string
		for _, m := range c.Top {
			names = append(names, m.Name)
		}
		rows = append(rows, []string{strconv.Itoa(c.Community), strconv.Itoa(c.Size), strings.Join(names, ", ")})
	}
	table("Communities (top members by PageRank)", []string{"community", "size", "top members"}, rows)
	if r.MoreComms > 0 {
		fmt.Fprintf(w, "  … and %d more\n", r.MoreComms)
	}
	rows = nil
	for _, b := range r.Bridges {
		rows = append(rows, []string{b.Source, b.Target, strings.Join(b.Relations, ", ")})
	}
	table("Bridges", []string{"from", "to", "relations"}, rows)
	if r.MoreBridges > 0 {
		fmt.Fprintf(w, "  … and %d more\n", r.MoreBridges)
	}
	return nil
}

// writeCSV writes one row per listed item: section, rank, id, name, type,
// value, extra (community size and members, bridge relations).
func (r report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"section", "rank", "id", "name", "type", "value", "extra"})
	for _, rk := range r.Rankings {
		for _, n := range rk.Nodes {
			_ = cw.Write([]string{rk.Score, strconv.Itoa(n.Rank), n.ID, n.Name, n.Type, strconv.FormatFloat(n.Value, 'g', -1, 64), ""})
		}
	}
	for _, n := range r.Articulation {
		_ = cw.Write([]string{"articulation", strconv.Itoa(n.Rank), n.ID, n.Name, n.Type, strconv.FormatFloat(n.Value, 'g', -1, 64), ""})
	}
	for _, c := range r.Communities {
		for _, m := range c.Top {
			_ = cw.Write([]string{"community", strconv.Itoa(c.Community), m.ID, m.Name, m.Type, strconv.FormatFloat(m.Value, 'g', -1, 64), "size=" + strconv.Itoa(c.Size)})
		}
	}
	for i, b := range r.Bridges {
		_ = cw.Write([]string{"bridge", strconv.Itoa(i + 1), "", b.Source + " — " + b.Target, "", strconv.FormatFloat(b.PageRank, 'g', -1, 64), strings.Join(b.Relations, " ")})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
