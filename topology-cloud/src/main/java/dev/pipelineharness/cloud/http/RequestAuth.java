package dev.pipelineharness.cloud.http;

import java.net.URI;
import java.util.Map;

/** How a request proves who sends it: HTTP Basic with an API key, or an AWS Signature V4. */
public interface RequestAuth {

    /** The headers to add (Authorization and what a signature covers); computed per request, never logged. */
    Map<String, String> headers(String method, URI uri, String contentType, byte[] body);

    /** What a 401 means for this key: which setting to check. */
    String unauthenticated();

    /** What a 403 means for this key. */
    String unauthorized();

    /** Shown in the plan instead of the header: {@code Flink SQL key from pipeline-harness.cloud.flink.api-key}. */
    String describe();
}
