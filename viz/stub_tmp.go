package viz

import (
	"context"
	"errors"

	"github.com/notegraph/notegraph/graph"
)

func PNG(ctx context.Context, g graph.Graph, opts Options) ([]byte, error)  { return nil, errors.New("todo") }
func HTML(ctx context.Context, g graph.Graph, opts Options) ([]byte, error) { return nil, errors.New("todo") }
