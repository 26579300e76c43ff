// Check opens the store that neo4j-admin imported under NEO4J_HOME (args[0])
// with the embedded database and prints every node and relationship, with
// typed properties, as JSON on stdout for export/csv_neo4j_test.go.
//
// Run: java -cp CLASSPATH Check.java NEO4J_HOME
// Every property prints as [type, value]; doubles print as strings
// (Double.toString) so NaN and infinities survive.
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

public class Check {
    public static void main(String[] args) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0])).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            StringBuilder out = new StringBuilder();
            try (Transaction tx = db.beginTx()) {
                out.append("{\"nodes\":[");
                String sep = "";
                for (Node n : tx.getAllNodes()) {
                    out.append(sep).append("{\"labels\":[");
                    List<String> labels = new ArrayList<>();
                    for (Label l : n.getLabels()) {
                        labels.add(l.name());
                    }
                    labels.sort(null);
                    String s2 = "";
                    for (String l : labels) {
                        out.append(s2);
                        str(out, l);
                        s2 = ",";
                    }
                    out.append("],\"props\":");
                    props(out, n);
                    out.append('}');
                    sep = ",\n";
                }
                out.append("],\n\"rels\":[");
                sep = "";
                for (Relationship r : tx.getAllRelationships()) {
                    out.append(sep).append("{\"start\":");
                    str(out, (String) r.getStartNode().getProperty("id"));
                    out.append(",\"end\":");
                    str(out, (String) r.getEndNode().getProperty("id"));
                    out.append(",\"type\":");
                    str(out, r.getType().name());
                    out.append(",\"props\":");
                    props(out, r);
                    out.append('}');
                    sep = ",\n";
                }
                out.append("]}\n");
            }
            System.out.print(out);
        } finally {
            dbms.shutdown();
        }
    }

    static void props(StringBuilder out, Entity e) {
        Map<String, Object> ps = new TreeMap<>(e.getAllProperties());
        out.append('{');
        String sep = "";
        for (Map.Entry<String, Object> p : ps.entrySet()) {
            out.append(sep);
            str(out, p.getKey());
            out.append(':');
            value(out, p.getValue());
            sep = ",";
        }
        out.append('}');
    }

    static void value(StringBuilder out, Object v) {
        if (v instanceof String s) {
            out.append("[\"string\",");
            str(out, s);
        } else if (v instanceof String[] a) {
            out.append("[\"string[]\",[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.append(',');
                str(out, a[i]);
            }
            out.append(']');
        } else if (v instanceof Long l) {
            out.append("[\"long\",").append(l);
        } else if (v instanceof long[] a) {
            out.append("[\"long[]\",[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.append(',');
                out.append(a[i]);
            }
            out.append(']');
        } else if (v instanceof Double d) {
            out.append("[\"double\",");
            str(out, Double.toString(d));
        } else {
            out.append("[\"").append(v.getClass().getName()).append("\",");
            str(out, String.valueOf(v));
        }
        out.append(']');
    }

    // str appends s as a JSON string, escaping every char outside printable ASCII.
    static void str(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
