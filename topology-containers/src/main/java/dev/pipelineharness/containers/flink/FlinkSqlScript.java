package dev.pipelineharness.containers.flink;

import java.util.List;

/**
 * The script one deployment's SQL becomes for Flink's SQL client: {@code SET} and DDL statements in
 * order, and every {@code INSERT} together in one {@code EXECUTE STATEMENT SET}, so the pipeline is one
 * job, as on the embedded topology. The job gets the deployment's name ({@code pipeline.name}) so it can
 * be found, and cancelled, through Flink's REST API.
 */
public final class FlinkSqlScript {

    private FlinkSqlScript() {
    }

    public static String of(String jobName, List<SqlStatements.Statement> statements) {
        StringBuilder script = new StringBuilder();
        script.append("SET 'pipeline.name' = '").append(jobName.replace("'", "''")).append("';\n");
        List<SqlStatements.Statement> inserts = statements.stream().filter(SqlStatements.Statement::isInsert).toList();
        for (SqlStatements.Statement statement : statements) {
            if (!statement.isInsert()) {
                script.append(statement.text()).append(";\n");
            }
        }
        if (!inserts.isEmpty()) {
            script.append("EXECUTE STATEMENT SET\nBEGIN\n");
            for (SqlStatements.Statement insert : inserts) {
                script.append(insert.text()).append(";\n");
            }
            script.append("END;\n");
        }
        return script.toString();
    }
}
