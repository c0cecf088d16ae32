package dev.pipelineharness.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How a client reaches the PostgreSQL database: a JDBC URL, the user and its password. */
@API(status = STABLE, since = "0.1")
public record JdbcEndpoint(String url, String host, int port, String database, String user, Secret password) {
}
