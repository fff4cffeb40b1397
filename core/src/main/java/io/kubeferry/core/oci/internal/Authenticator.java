package io.kubeferry.core.oci.internal;

import io.kubeferry.core.oci.Credentials;
import io.kubeferry.core.oci.CredentialStore;
import io.kubeferry.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers how each registry host wants to be authenticated (from its {@code WWW-Authenticate} challenge) and
 * caches bearer tokens per host and scope. Thread-safe. Tokens and passwords never appear in messages.
 */
public final class Authenticator {
  private final HttpClient http;
  private final CredentialStore credentials;
  private final Duration timeout;
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public Authenticator(HttpClient http, CredentialStore credentials, Duration timeout) {
    this.http = http;
    this.credentials = credentials;
    this.timeout = timeout;
  }

  /** The Authorization header to send to {@code host} for {@code scope}, or empty while none is known. */
  public Optional<String> header(String host, String scope) throws IOException, InterruptedException {
    Challenge c = challenges.get(host);
    if (c == null) {
      return Optional.empty();
    }
    if (c.scheme().equals("basic")) {
      return credentials.forHost(host).map(Credentials::basicHeader);
    }
    if (c.scheme().equals("bearer")) {
      String key = host + " " + scope;
      String t = tokens.get(key);
      if (t == null) {
        t = fetchToken(host, c, scope);
        tokens.put(key, t);
      }
      return Optional.of("Bearer " + t);
    }
    return Optional.empty();
  }

  /**
   * Records a 401 challenge and drops the cached token for the scope (it may have expired). Returns whether one
   * retry can help: always for bearer (a fresh token is fetched; the caller retries only once), for Basic only when
   * credentials exist and were not just rejected.
   */
  public boolean challenged(String host, String scope, String wwwAuthenticate, boolean hadAuth) {
    Challenge c = Challenge.parse(wwwAuthenticate);
    if (c == null) {
      return false;
    }
    challenges.put(host, c);
    tokens.remove(host + " " + scope);
    if (c.scheme().equals("basic")) {
      return !hadAuth && credentials.forHost(host).isPresent();
    }
    return c.scheme().equals("bearer");
  }

  private String fetchToken(String host, Challenge c, String scope) throws IOException, InterruptedException {
    String realm = c.params().get("realm");
    if (realm == null) {
      throw new IOException("bearer challenge from " + host + " has no realm");
    }
    StringBuilder q = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
    if (c.params().containsKey("service")) {
      q.append("service=").append(URLEncoder.encode(c.params().get("service"), StandardCharsets.UTF_8)).append('&');
    }
    // Several scopes (a cross-repository mount needs pull on the source) are separate scope parameters.
    String[] scopes = scope.split(" ");
    for (int i = 0; i < scopes.length; i++) {
      q.append(i > 0 ? "&" : "").append("scope=").append(URLEncoder.encode(scopes[i], StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(q.toString())).timeout(timeout).GET();
    credentials.forHost(host).ifPresent(cr -> b.header("Authorization", cr.basicHeader()));
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      throw new TokenDeniedException("token server " + URI.create(realm).getHost() + " refused scope '" + scope
          + "' (HTTP " + r.statusCode() + ")");
    }
    if (r.statusCode() != 200) {
      throw new IOException("token server " + URI.create(realm).getHost() + " answered HTTP " + r.statusCode());
    }
    Object doc = Json.parse(r.body());
    if (doc instanceof Map<?, ?> m) {
      Object t = m.get("token") != null ? m.get("token") : m.get("access_token");
      if (t instanceof String s && !s.isEmpty()) {
        return s;
      }
    }
    throw new IOException("token server " + URI.create(realm).getHost() + " returned no token");
  }

  /** The token server refused the credentials or the scope. */
  public static final class TokenDeniedException extends IOException {
    private static final long serialVersionUID = 1L;

    TokenDeniedException(String m) {
      super(m);
    }
  }
}
