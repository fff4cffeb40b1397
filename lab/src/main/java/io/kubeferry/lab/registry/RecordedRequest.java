package io.kubeferry.lab.registry;

/**
 * One request seen by a lab server, for test assertions.
 *
 * @param server "front", "blob-host" or "token"
 * @param method HTTP method
 * @param pathAndQuery raw path with query
 * @param kind classification
 * @param status status answered
 * @param hadAuthorization whether the request carried an {@code Authorization} header (its value is never recorded)
 * @param range the {@code Range} request header, or null
 */
public record RecordedRequest(String server, String method, String pathAndQuery, RequestKind kind, int status,
    boolean hadAuthorization, String range) {
}
