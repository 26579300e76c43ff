package viz

import (
	"context"
	"errors"

	"github.com/notegraph/notegraph/graph"
)

// PNG returns g's map as a PNG image.
func PNG(ctx context.Context, g graph.Graph, opts Options) ([]byte, error) {
	return nil, errors.New("png: not yet")
}
