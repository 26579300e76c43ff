package wasm

import (
	"context"
	"fmt"
	"sync"
)

// notegraph patch: upstream starts the WebAssembly module in this package's
// init, so every program that links go-graphviz compiles Graphviz (about a
// second without a cache) before main, whatever it then does, and panics
// when that fails. Here the module starts on first use: every entry point
// of cgraph, gvc and cdt calls Load first, and a failure is an error.

var (
	loadOnce  sync.Once
	loadErr   error
	loadHooks []func(context.Context) error
)

// OnLoad registers f to run once the module has started, in the order of
// registration (the packages' init order): what cgraph and gvc did in their
// init functions.
func OnLoad(f func(context.Context) error) { loadHooks = append(loadHooks, f) }

// Load starts the module and runs the OnLoad functions, once. When
// compiling with the cache fails (a cache folder this process cannot read),
// it compiles again in memory.
func Load() error {
	loadOnce.Do(func() {
		loadErr = recovered(func() { setup(true) })
		if loadErr != nil {
			loadErr = recovered(func() { setup(false) })
		}
		if loadErr != nil {
			loadErr = fmt.Errorf("graphviz: start the WebAssembly module: %w", loadErr)
			return
		}
		for _, f := range loadHooks {
			if loadErr = f(context.Background()); loadErr != nil {
				loadErr = fmt.Errorf("graphviz: start: %w", loadErr)
				return
			}
		}
	})
	return loadErr
}

func recovered(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	f()
	return nil
}
