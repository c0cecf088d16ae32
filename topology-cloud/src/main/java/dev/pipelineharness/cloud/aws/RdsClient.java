package dev.pipelineharness.cloud.aws;

import dev.pipelineharness.cloud.http.CloudHttp;
import dev.pipelineharness.cloud.http.CloudWait;
import dev.pipelineharness.cloud.http.RequestAuth;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The database faults of the cloud: RDS's Query API ({@code Action=...&Version=2014-10-31}, XML
 * answers) over {@link CloudHttp}, signed with the SDK's own SigV4 signer, since the RDS client of
 * the project's SDK version is not available here. {@code RebootDBInstance} with
 * {@code ForceFailover=true} (Multi-AZ instances) or {@code FailoverDBCluster} (Aurora), then the
 * instance or cluster awaited {@code available}.
 */
public final class RdsClient {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Pattern INSTANCE_STATUS = Pattern.compile("<DBInstanceStatus>([^<]*)</DBInstanceStatus>");
    private static final Pattern CLUSTER_STATUS = Pattern.compile("<Status>([^<]*)</Status>");

    private final CloudHttp http;
    private final CloudWait wait;
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;

    public RdsClient(CloudHttp http, CloudWait wait, URI endpoint, String region, AwsCredentialsProvider credentials) {
        this.http = http;
        this.wait = wait;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    public static URI defaultEndpoint(String region) {
        return URI.create("https://rds." + region + ".amazonaws.com/");
    }

    public void rebootWithFailover(String instanceId) {
        call("RebootDBInstance", Map.of("DBInstanceIdentifier", instanceId, "ForceFailover", "true"));
    }

    public void failoverCluster(String clusterId) {
        call("FailoverDBCluster", Map.of("DBClusterIdentifier", clusterId));
    }

    public String instanceStatus(String instanceId) {
        return first(INSTANCE_STATUS, call("DescribeDBInstances", Map.of("DBInstanceIdentifier", instanceId)));
    }

    public String clusterStatus(String clusterId) {
        return first(CLUSTER_STATUS, call("DescribeDBClusters", Map.of("DBClusterIdentifier", clusterId)));
    }

    /** Waits until the instance (or, with {@code cluster}, the Aurora cluster) is {@code available}. */
    public void awaitAvailable(String id, boolean cluster, Duration timeout) {
        if (http.planning()) {
            http.log().note("POST", endpoint + " Action=" + (cluster ? "DescribeDBClusters" : "DescribeDBInstances"),
                    "poll until available");
            return;
        }
        wait.until((cluster ? "Aurora cluster " : "RDS instance ") + id + " to be available", timeout,
                () -> cluster ? clusterStatus(id) : instanceStatus(id), "available"::equals, status -> status);
    }

    private String call(String action, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", "2014-10-31");
        form.putAll(parameters);
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        // Describe* only read; the plan sends them, and holds back the rest
        String method = action.startsWith("Describe") ? "GET" : "POST";
        if ("GET".equals(method)) {
            URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/?" + body);
            return http.exchange("GET", uri, signer(), null, "").text();
        }
        return http.exchange("POST", endpoint, signer(), "application/x-www-form-urlencoded; charset=utf-8",
                body.toString()).text();
    }

    private RequestAuth signer() {
        return new RequestAuth() {
            @Override
            public Map<String, String> headers(String method, URI uri, String contentType, byte[] body) {
                SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
                if (contentType != null) {
                    request.putHeader("Content-Type", contentType);
                }
                SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                        .identity(credentials.resolveCredentials())
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rds")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
                Map<String, String> headers = new LinkedHashMap<>();
                signed.request().headers().forEach((name, values) -> {
                    if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))
                            && !"content-type".equalsIgnoreCase(name)) {
                        headers.put(name, String.join(",", values));
                    }
                });
                return headers;
            }

            @Override
            public String unauthenticated() {
                return "AWS did not accept the credentials (pipeline-harness.cloud.aws.access-key-id and "
                        + "pipeline-harness.cloud.aws.secret-access-key, or the default credential chain)";
            }

            @Override
            public String unauthorized() {
                return "the AWS credentials may not call this RDS action (check the IAM policy: rds:RebootDBInstance, "
                        + "rds:FailoverDBCluster, rds:Describe*)";
            }

            @Override
            public String describe() {
                return "AWS SigV4, rds " + region;
            }
        };
    }

    private static String first(Pattern pattern, String xml) {
        Matcher matcher = pattern.matcher(xml);
        return matcher.find() ? matcher.group(1) : "";
    }
}
