package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/notegraph/notegraph/export"
)

// neo4jFlags are the connection flags of export --to neo4j and query. Each
// defaults to the environment variable Neo4j's own tools read.
type neo4jFlags struct {
	uri, user, password, database string
}

func (f *neo4jFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.uri, "uri", "", "Neo4j `URI`: bolt://host:7687, neo4j://host (routing), +s for TLS (default $NEO4J_URI)")
	cmd.Flags().StringVar(&f.user, "user", "", "Neo4j user `NAME` (default $NEO4J_USERNAME, else neo4j)")
	cmd.Flags().StringVar(&f.password, "password", "", "Neo4j `PASSWORD` (default $NEO4J_PASSWORD)")
	cmd.Flags().StringVar(&f.database, "database", "", "Neo4j database `NAME` (default $NEO4J_DATABASE, else the server's default)")
}

func (f neo4jFlags) config() export.Neo4jConfig {
	c := export.Neo4jConfig{URI: f.uri, Username: f.user, Password: f.password, Database: f.database}
	if c.URI == "" {
		c.URI = os.Getenv("NEO4J_URI")
	}
	if c.Username == "" {
		c.Username = os.Getenv("NEO4J_USERNAME")
	}
	if c.Username == "" {
		c.Username = "neo4j"
	}
	if c.Password == "" {
		c.Password = os.Getenv("NEO4J_PASSWORD")
	}
	if c.Database == "" {
		c.Database = os.Getenv("NEO4J_DATABASE")
	}
	return c
}
