package extract

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestManualNames: notes that do not read as talk notes (a project's docs,
// a diary) keep the names they make explicit and drop what a reader of
// them would not want as a node, one class per row. Every note is
// invented.
func TestManualNames(t *testing.T) {
	tests := []struct {
		name   string
		notes  string
		want   []string // "Name:Type", or "Name" of any type
		absent []string // no node of any type has this name
	}{
		{
			name: "a code span that is an English word, a literal or a type is a parameter or a value",
			notes: "# Configuring the client\n\nPass `timeout` and `retries` to `connect`; set `verbose` to `false` or `null`.\n" +
				"The result is a `boolean`. Install `vexlo` first.\n",
			want:   []string{"vexlo:Tool"},
			absent: []string{"timeout", "retries", "connect", "verbose", "false", "null", "boolean"},
		},
		{
			name: "members, calls, identifiers and class names are parts of an API",
			notes: "# Reference\n\nCall `client.close()` when done, or `pool.drain`. See `max_idle`, `onReconnect` and `RetryPolicy`.\n" +
				"Written in `setup.js`. The [`Session.open()`](#session-open) method blocks. Built on `quorra-kit`.\n",
			want:   []string{"quorra-kit:Tool"},
			absent: []string{"client.close", "pool.drain", "max_idle", "onReconnect", "RetryPolicy", "setup.js", "Session.open"},
		},
		{
			name: "a name the code uses as a key, a member or a parameter is the code's own; a quoted module name is a tool",
			notes: "# Usage\n\nSet `flushEvery` and `sinkmode`, then require `gullfire`:\n\n" +
				"```js\nconst gullfire = require('gullfire')\nconst log = gullfire({ sinkmode: 'fast', spool: 3 })\nlog.spool(opts)\n```\n\n" +
				"The `spool` is flushed on exit.\n",
			want:   []string{"gullfire:Tool"},
			absent: []string{"sinkmode", "spool", "flushEvery"},
		},
		{
			name:   "a code span before a role word is an option, a field or an event",
			notes:  "# Options\n\nThe `ackwait` option sets the wait; the `zqid` field holds the id; listen for the `drained` event.\n",
			absent: []string{"ackwait", "zqid", "drained"},
		},
		{
			name:  "a command the shell lines run is a tool even when it is an English word or short",
			notes: "# Install\n\nUse `tar` and `zunpk` to unpack:\n\n```sh\n$ zunpk get bundle.tgz | tar xz\n```\n",
			want:  []string{"zunpk:Tool", "tar:Tool"},
		},
		{
			name: "a table of contents names the sections of the docs, not things; a coined name in it stays",
			notes: "# Guide\n\n* [Getting started](#getting-started)\n* [Plugins](#plugins)\n* [Deploying with containers](#deploying)\n" +
				"* [zephyr-cache](#zephyr-cache)\n* [Other pages](./other.md)\n",
			want:   []string{"zephyr-cache"},
			absent: []string{"Getting started", "Plugins", "Deploying with containers", "Other pages"},
		},
		{
			name: "prose jargon, section words and clauses are not names; coined names and linked names stay",
			notes: "# Troubleshooting\n\nThe bundler output is stringified before upload; check the namespace and preload it.\n" +
				"Read the README and open a PR against the API. See the [Acme Proxy Settings](https://acme.example/proxy) page.\n" +
				"Limits if unset come from the default settings. SDKs differ. Logs go to [Grelka](https://grelka.example).\n" +
				"## Community\nThe handler can be async. Questions go to Vandra's issue tracker.\n",
			want: []string{"Grelka:Concept"},
			absent: []string{"bundler", "stringified", "namespace", "preload", "README", "PR", "API", "Acme Proxy Settings",
				"Limits if unset", "default settings", "SDKs", "Community", "async"},
		},
		{
			name:  "a cue phrase's object is a name even when it is an English word",
			notes: "# Design\n\nQuillpad is based on `mustache`.\n",
			want:  []string{"mustache:Tool"},
		},
		{
			name:   "a person's name in a manual has a word that is not ordinary English",
			notes:  "# Releases\n\nThe project follows Long Term Support (LTS) lines, maintained by Ottilie Brandvold.\n",
			absent: []string{"Long Term Support"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes := nodeSet(extractText(t, tt.notes))
			for _, w := range tt.want {
				name, typ := w, ""
				if i := lastColon(w); i > 0 {
					name, typ = w[:i], w[i+1:]
				}
				if got, ok := nodes[name]; !ok || typ != "" && got != typ {
					t.Errorf("missing %s\nnodes: %v", w, slices.Sorted(maps.Keys(nodes)))
				}
			}
			for _, a := range tt.absent {
				if typ, ok := nodes[a]; ok {
					t.Errorf("unexpected %s:%s", a, typ)
				}
			}
		})
	}
}

// lastColon splits "Name:Type" (a name may hold a colon).
func lastColon(s string) int { return strings.LastIndex(s, ":") }

// TestChanceTalks: a manual whose headings happen to read as a talk
// ("Setup with Docker" reads "Title with Speaker") has no talk and no
// speaker; notes that list talks without a template keep theirs.
func TestChanceTalks(t *testing.T) {
	manual := "# Tarnhelm\n\n## Install\ntext\n## Configure\ntext\n## Logging\ntext\n## Storage\ntext\n## Backups\ntext\n" +
		"## Upgrades\ntext\n## Security\ntext\n## Metrics\ntext\n## Plugins\ntext\n#### Running with Orla Pennick\ntext\n## FAQ\ntext\n"
	talks := "# Day two\n\n## Keynote: Fast Queues by Ines Varga\n* zorkq\n## Slow Disks by Tom Reyes\n* fsync\n## Lunch\n"
	tests := []struct {
		name   string
		notes  string
		want   []string
		absent []string
	}{
		{"a manual", manual, nil, []string{"Running", "Orla Pennick"}},
		{"a day's talks", talks, []string{"Ines Varga:Person", "Fast Queues:Talk", "Tom Reyes:Person"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := extractText(t, tt.notes)
			nodes := nodeSet(g)
			for _, w := range tt.want {
				i := lastColon(w)
				if nodes[w[:i]] != w[i+1:] {
					t.Errorf("missing %s\nnodes: %v", w, slices.Sorted(maps.Keys(nodes)))
				}
			}
			for _, a := range tt.absent {
				if typ, ok := nodes[a]; ok {
					t.Errorf("unexpected %s:%s", a, typ)
				}
			}
			if tt.want == nil {
				for _, n := range g.Nodes {
					if n.Type == "Talk" || n.Type == "Person" {
						t.Errorf("unexpected %s:%s in a manual", n.Name, n.Type)
					}
				}
			}
		})
	}
}

// TestNameShapes holds the shape tests of explicit.go to examples of each.
func TestNameShapes(t *testing.T) {
	d := docNames{ident: map[string]bool{"close": true}, command: map[string]bool{}, quoted: map[string]bool{}}
	tests := []struct {
		name string
		f    func(string) bool
		yes  []string
		no   []string
	}{
		{"memberShaped in prose", func(s string) bool { return memberShaped(written{name: s, as: asProse}, d) },
			[]string{"client.close", "opts[i].host", "parse()", "pool.onDrain"}, []string{"Node.js", "ASP.NET", "telescope.nvim", "v1.2"}},
		{"memberShaped in code", func(s string) bool { return memberShaped(written{name: s, as: asCode}, d) },
			[]string{"pool.drain", "a.b.c"}, []string{"Node.js", "ASP.NET", "x"}},
		{"identShaped", identShaped, []string{"max_idle", "onReconnect", "NODE_OPTS"}, []string{"iPhone", "macOS", "gRPC", "zaplog", "_private"}},
		{"compoundCapitals", compoundCapitals, []string{"RetryPolicy", "EventSink"}, []string{"Postgres", "CRDT", "Retry Policy"}},
		{"fileShaped", fileShaped, []string{"setup.js", "app.py", "notes.md"}, []string{"Node.js", "v1.2", "a.b.c"}},
		{"ordinaryForm with compounds", func(s string) bool { return ordinaryForm(s, true) },
			[]string{"timeout", "stringified", "bundler", "serializers", "prettifier", "namespace", "preload", "lazily"},
			[]string{"kubectl", "zaplog", "vexlo", "quorra-kit"}},
		{"ordinaryForm without compounds", func(s string) bool { return ordinaryForm(s, false) },
			[]string{"retry", "formatters", "redacted"}, []string{"namespace", "deeptool", "kubectl"}},
		{"errorCodeRE", errorCodeRE.MatchString, []string{"QZERR042", "WARNX1234"}, []string{"RFC3164", "ES2020", "Q3"}},
		{"innerPossessive", innerPossessive, []string{"Acme's client"}, []string{"Acme's", "Acme client"}},
	}
	for _, tt := range tests {
		for _, s := range tt.yes {
			if !tt.f(s) {
				t.Errorf("%s(%q) = false, want true", tt.name, s)
			}
		}
		for _, s := range tt.no {
			if tt.f(s) {
				t.Errorf("%s(%q) = true, want false", tt.name, s)
			}
		}
	}
}
