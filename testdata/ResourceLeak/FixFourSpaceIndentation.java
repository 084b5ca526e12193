package testdata.resourceleak;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A file indented by four spaces, whose method's parameters wrap, so the body's opening brace sits
 * on a continuation line deeper than the statements. The new block is indented the file's way.
 */
class FixFourSpaceIndentation {
    void insertIndex(Connection conn, String schema,
            String table, String columns) throws SQLException {
        audit(conn);
        // BUG: Diagnostic contains: [ResourceLeak]
        PreparedStatement prep = conn.prepareStatement("INSERT INTO INDEXES"
                + "(SCHEMA, TABLE_NAME, COLUMNS) VALUES(?, ?, ?)");
        prep.setString(1, schema);
        prep.setString(2, table);
        prep.setString(3, columns);
        prep.execute();
        audit(conn);
    }

    private void audit(Connection conn) {}
}
