package export

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Neo4jConfig says where a Neo4j server is, like Neo4j's own tools'
// NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.
type Neo4jConfig struct {
	URI      string // bolt://, neo4j:// (routing), with +s/+ssc for TLS
	Username string
	Password string
	Database string // "" for the server's default database
}

// Errors that ConnectNeo4j and Neo4jError classify; test with errors.Is.
var (
	ErrNeo4jUnreachable = errors.New("cannot reach Neo4j")
	ErrNeo4jAuth        = errors.New("Neo4j refused the user name or password")
	ErrNeo4jDatabase    = errors.New("no such Neo4j database")
)

// ConnectNeo4j opens a driver for c and checks, within seconds, that the
// server answers, accepts the credentials and has the database. It fails
// with an error wrapping ErrNeo4jUnreachable, ErrNeo4jAuth or
// ErrNeo4jDatabase, whose message is one line.
//
// VerifyConnectivity comes first on purpose: a query against a closed port
// would be retried by the driver for 30 s.
func ConnectNeo4j(ctx context.Context, c Neo4jConfig) (neo4j.DriverWithContext, error) {
	if c.URI == "" {
		return nil, fmt.Errorf("no Neo4j URI: set NEO4J_URI or --uri (e.g. bolt://localhost:7687)")
	}
	d, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.Username, c.Password, ""), func(cf *config.Config) {
		cf.SocketConnectTimeout = 5 * time.Second
		cf.ConnectionAcquisitionTimeout = 30 * time.Second
		cf.UserAgent = "notegraph"
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", c.URI, err)
	}
	vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(vctx); err != nil {
		d.Close(ctx)
		return nil, Neo4jError(err, c)
	}
	// An unknown database or a wrong password shows on the first query;
	// neither is retried.
	_, err = neo4j.ExecuteQuery(vctx, d, "RETURN 1", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(c.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		d.Close(ctx)
		return nil, Neo4jError(err, c)
	}
	return d, nil
}

// Neo4jError turns a driver error into one line that says what went wrong
// with which server, wrapping ErrNeo4jUnreachable, ErrNeo4jAuth or
// ErrNeo4jDatabase when it is one of those, and err.
func Neo4jError(err error, c Neo4jConfig) error {
	if err == nil {
		return nil
	}
	cause := rootCause(err)
	db := c.Database
	if db == "" {
		db = "(default)"
	}
	var ne *neo4j.Neo4jError
	if errors.As(cause, &ne) {
		switch {
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Security.Unauthorized"),
			strings.HasPrefix(ne.Code, "Neo.ClientError.Security.AuthenticationRateLimit"):
			return fmt.Errorf("%w: %s as user %q (%s)", ErrNeo4jAuth, c.URI, c.Username, oneLine(ne.Msg))
		case ne.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return fmt.Errorf("%w: %q on %s", ErrNeo4jDatabase, db, c.URI)
		}
		return fmt.Errorf("neo4j %s database %s: %s: %s", c.URI, db, ne.Code, oneLine(ne.Msg))
	}
	var ce *neo4j.ConnectivityError
	if errors.As(cause, &ce) || errors.Is(cause, context.DeadlineExceeded) {
		return fmt.Errorf("%w at %s: %s", ErrNeo4jUnreachable, c.URI, oneLine(cause.Error()))
	}
	if strings.Contains(cause.Error(), "connection refused") || strings.Contains(cause.Error(), "no such host") {
		return fmt.Errorf("%w at %s: %s", ErrNeo4jUnreachable, c.URI, oneLine(cause.Error()))
	}
	return fmt.Errorf("neo4j %s: %s", c.URI, oneLine(err.Error()))
}

// rootCause digs the last attempt's error out of the driver's
// TransactionExecutionLimit, which errors.As cannot see through.
func rootCause(err error) error {
	var tl *neo4j.TransactionExecutionLimit
	if errors.As(err, &tl) && len(tl.Errors) > 0 {
		return rootCause(tl.Errors[len(tl.Errors)-1])
	}
	return err
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
