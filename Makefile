# notegraph — the front door. `make demo` and `make test` do all set-up on a
# fresh machine.
SHELL := /bin/bash
GO ?= go
OUT ?= out
BIN := $(OUT)/notegraph
EXAMPLE := examples/pycodeconf/notes.md

.PHONY: all build demo test eval unit setup setup-python setup-browser setup-neo4j-admin bench bench-neo4j lint fuzz neo4j neo4j-stop clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/notegraph

## demo: the main job on the example notes; no server needed.
demo: build
	$(BIN) extract $(EXAMPLE) -o $(OUT)/pycodeconf.graph.json
	$(BIN) analyze $(OUT)/pycodeconf.graph.json -q -o $(OUT)/pycodeconf.analyzed.json
	$(BIN) render $(OUT)/pycodeconf.analyzed.json -o $(OUT)/pycodeconf.svg
	$(BIN) render $(OUT)/pycodeconf.analyzed.json -o $(OUT)/pycodeconf.html
	$(BIN) summary $(OUT)/pycodeconf.graph.json
	$(BIN) analyze $(OUT)/pycodeconf.analyzed.json --top 5 --type Person
	$(BIN) analyze $(OUT)/pycodeconf.analyzed.json --top 5 --type Tool,Concept

## unit: tests that need no server.
unit:
	$(GO) test ./...

## setup: everything the tests need beyond Go (idempotent; run by `make test`).
setup: setup-python setup-browser setup-neo4j-admin

# Python packages for independent checks (networkx, …): requirements-dev.txt.
setup-python:
	python3 -m pip install -q -r requirements-dev.txt

# Neo4j's bulk importer and embedded database (Maven Central, ~130 MB into
# ~/.m2) for the neo4j-admin CSV import test in export/.
setup-neo4j-admin:
	mvn -B -q -f export/testdata/neo4j-admin/pom.xml dependency:resolve

# Headless Chromium for the HTML map test (Debian package; it brings the
# Liberation fonts the label-fit check measures with).
setup-browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }

## test: everything, a real Neo4j included. scripts/with-neo4j starts a
## server for the run unless NEO4J_URI is set, and stops it afterwards.
test: lint setup build
	./scripts/with-neo4j $(GO) test -timeout 40m ./...
	$(GO) test github.com/goccy/go-graphviz   # the patched copy's own check (third_party/go-graphviz/NOTEGRAPH.md)
	./scripts/eval-gate $(BIN)

## eval: score extraction on the shared corpus of real notes (../shared/eval),
## every file alone and every folder as one run; scripts/eval-gate holds the
## floors `make test` enforces when the corpus is there.
eval: build
	python3 ../shared/eval/run.py --notegraph $(BIN)
	./scripts/eval-gate $(BIN)

## bench: graph analysis vs networkx and igraph (bench/compare.py runs the
## graph benchmarks and prints the ratios), then the other packages' benchmarks.
bench: setup-python
	python3 bench/compare.py
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v '/graph$$')

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...

## neo4j: start a local Neo4j for development (see scripts/neo4j); neo4j-stop stops it.
neo4j:
	./scripts/neo4j start

neo4j-stop:
	./scripts/neo4j stop

## bench-neo4j: load 100k nodes / 500k relationships into Neo4j (batched vs
## one MERGE per row); NOTEGRAPH_BENCH_NODES/_RELS/_ROWS change the sizes.
## Neo4jFloor: the server's own ceiling, bare relationships vs relationships with evidence.
bench-neo4j:
	./scripts/with-neo4j $(GO) test ./export -run '^$$' -bench 'Neo4jLoad|Neo4jFloor' -benchtime 1x -timeout 60m

# Minimizing the fuzzer's large interesting inputs stalls it at a few execs/s
# on the extractor; without it, it runs at hundreds per second.
fuzz:
	$(GO) test ./extract -run '^$$' -fuzz FuzzNotes -fuzztime 60s -fuzzminimizetime 0
	for f in FuzzAppendXML FuzzAppendJSONString FuzzAppendCSVString FuzzQuoteString; do \
	  $(GO) test ./export -run '^$$' -fuzz "^$$f\$$" -fuzztime 20s || exit 1; done
	$(GO) test ./extract -run '^$$' -fuzz FuzzFlattenNesting -fuzztime 20s
	$(GO) test ./cmd/notegraph -run '^$$' -fuzz FuzzArgs -fuzztime 20s

clean:
	rm -rf $(OUT)
