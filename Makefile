# notegraph — the front door. `make demo` and `make test` do all set-up on a
# fresh machine.
SHELL := /bin/bash
GO ?= go
OUT ?= out
BIN := $(OUT)/notegraph
EXAMPLE := examples/pycodeconf/notes.md

.PHONY: all build demo test unit bench lint fuzz neo4j neo4j-stop clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/notegraph

## demo: the main job on the example notes; no server needed.
demo: build
	$(BIN) extract $(EXAMPLE) -o $(OUT)/pycodeconf.graph.json
	$(BIN) summary $(OUT)/pycodeconf.graph.json

## unit: tests that need no server.
unit:
	$(GO) test ./...

## test: everything, a real Neo4j included.
test: lint
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...

fuzz:
	$(GO) test ./extract -run '^$$' -fuzz FuzzNotes -fuzztime 60s

clean:
	rm -rf $(OUT)
