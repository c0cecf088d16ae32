package dev.pipelineharness.flinkrunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsAndRemembersWhereEachStatementStarts() {
        String text = """
                -- routing of business events
                CREATE TABLE a (x STRING) WITH ('connector' = 'kafka');

                /* the loans */
                  INSERT INTO b SELECT * FROM a WHERE x = 'loan';
                INSERT INTO c SELECT * FROM a""";

        List<SqlStatement> statements = SqlScript.split("routing.sql", text);

        assertThat(statements).extracting(SqlStatement::line, SqlStatement::column, SqlStatement::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, 1, SqlStatement.Kind.DDL),
                        org.assertj.core.groups.Tuple.tuple(5, 3, SqlStatement.Kind.INSERT),
                        org.assertj.core.groups.Tuple.tuple(6, 1, SqlStatement.Kind.INSERT));
        assertThat(statements.get(1).text()).isEqualTo("INSERT INTO b SELECT * FROM a WHERE x = 'loan'");
        assertThat(statements).allSatisfy(statement -> assertThat(statement.file()).isEqualTo("routing.sql"));
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotEndAStatement() {
        String text = """
                CREATE TABLE `we;ird` (
                  note STRING -- a comment; not the end
                ) WITH ('format' = 'csv', 'csv.field-delimiter' = ';', 'x' = 'it''s; fine');
                /* trailing; comment */
                """;

        List<SqlStatement> statements = SqlScript.split("t.sql", text);

        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).text()).endsWith("'x' = 'it''s; fine')");
    }

    @Test
    void mapsAPositionInsideAStatementToTheFile() {
        SqlStatement statement = new SqlStatement("f.sql", 10, 3, "INSERT INTO x\nSELECT y FROMM z");

        assertThat(statement.fileLineAndColumn(1, 8)).containsExactly(10, 10);
        assertThat(statement.fileLineAndColumn(2, 10)).containsExactly(11, 10);
        assertThat(SqlErrorLocation.of(statement, "SQL parse failed. Encountered \"z\" at line 2, column 16.\nWas expecting one of:"))
                .containsExactly(11, 16);
        assertThat(SqlErrorLocation.of(statement, "no position here")).containsExactly(10, 3);
    }

    @Test
    void recognisesWhatTheRunnerDoesWithAStatement() {
        assertThat(new SqlStatement("f", 1, 1, "insert into x select 1").kind()).isEqualTo(SqlStatement.Kind.INSERT);
        assertThat(new SqlStatement("f", 1, 1, "CREATE VIEW v AS SELECT 1").kind()).isEqualTo(SqlStatement.Kind.DDL);
        assertThat(new SqlStatement("f", 1, 1, "SET 'a.b' = 'it''s'").kind()).isEqualTo(SqlStatement.Kind.SET);
        assertThat(new SqlStatement("f", 1, 1, "SET 'a.b' = 'it''s'").setOption()).contains(java.util.Map.entry("a.b", "it's"));
        assertThat(new SqlStatement("f", 1, 1, "RESET 'a.b'").setOption()).isEmpty();
        assertThat(new SqlStatement("f", 1, 1, "SELECT 1").kind()).isEqualTo(SqlStatement.Kind.QUERY);
        assertThat(new SqlStatement("f", 1, 1, "BEGIN STATEMENT SET").kind()).isEqualTo(SqlStatement.Kind.STATEMENT_SET_START);
        assertThat(new SqlStatement("f", 1, 1, "end").kind()).isEqualTo(SqlStatement.Kind.STATEMENT_SET_END);
    }

    @Test
    void findsTheFirstInsertOfAStatementSetBlockWhereItStandsInTheFile() {
        List<SqlStatement> statements = SqlScript.split("set.sql", """
                EXECUTE STATEMENT SET
                BEGIN
                  INSERT INTO a SELECT 1;
                  INSERT INTO b SELECT 2;
                END;
                """);

        assertThat(statements).extracting(SqlStatement::kind).containsExactly(SqlStatement.Kind.STATEMENT_SET_START,
                SqlStatement.Kind.INSERT, SqlStatement.Kind.STATEMENT_SET_END);
        SqlStatement first = statements.get(0).afterStatementSetStart().orElseThrow();
        assertThat(first.text()).isEqualTo("INSERT INTO a SELECT 1");
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.column()).isEqualTo(3);
        assertThat(first.kind()).isEqualTo(SqlStatement.Kind.INSERT);
        assertThat(new SqlStatement("f", 1, 1, "BEGIN STATEMENT SET").afterStatementSetStart()).isEmpty();
    }
}
