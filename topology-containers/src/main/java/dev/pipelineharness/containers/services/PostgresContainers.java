package dev.pipelineharness.containers.services;

import dev.pipelineharness.containers.support.NetworkAliases;
import org.testcontainers.containers.Network;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL for Debezium: the official image with logical decoding on ({@code wal_level=logical}) and
 * room for a replication slot and WAL sender per deployment, set on the server's command line as the
 * image documents. Testcontainers' module waits until it answers a JDBC query.
 */
public final class PostgresContainers {

    public static final int PORT = 5432;
    public static final String DATABASE = "harness";
    public static final String USER = "harness";
    /** Not a secret: a throwaway container on a private network; still passed as a {@code Secret}. */
    public static final String PASSWORD = "harness";

    private PostgresContainers() {
    }

    public static PostgreSQLContainer postgres(DockerImageName image, Network network) {
        PostgreSQLContainer postgres = new PostgreSQLContainer(image);
        postgres.withDatabaseName(DATABASE)
                .withUsername(USER)
                .withPassword(PASSWORD)
                .withNetwork(network)
                .withNetworkAliases(NetworkAliases.POSTGRES)
                // fsync=off as Testcontainers sets by default: a killed container loses no committed row
                // (the kernel keeps the page cache); only a crash of the Docker host would.
                .withCommand("postgres", "-c", "fsync=off", "-c", "wal_level=logical",
                        "-c", "max_replication_slots=32", "-c", "max_wal_senders=32",
                        "-c", "synchronous_commit=on");
        return postgres;
    }
}
