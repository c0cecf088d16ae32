package dev.pipelineharness.connect.dynamodb;

/** The connector's version, from the jar manifest when packaged, else "dev". */
final class Version {

    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
