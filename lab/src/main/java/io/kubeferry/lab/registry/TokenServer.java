package io.kubeferry.lab.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeferry.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The docker.io-style token endpoint ({@code GET /token?service=...&scope=...}) of a TOKEN lab registry. Valid basic
 * credentials get every requested action; wrong ones get 401; no credentials get only {@code pull} (or 401 when
 * anonymous pulls are off), like docker.io.
 */
final class TokenServer implements AutoCloseable {
  static final String SERVICE = "kubeferry-lab-registry";
  private static final long TTL_SECONDS = 300;

  private final TokenSigner signer;
  private final Credentials credentials;
  private final boolean anonymousPull;
  private final RequestLog log;
  private final HttpServer server;

  TokenServer(TokenSigner signer, Credentials credentials, boolean anonymousPull, RequestLog log) throws IOException {
    this.signer = signer;
    this.credentials = credentials;
    this.anonymousPull = anonymousPull;
    this.log = log;
    this.server = HttpIo.startServer("127.0.0.1", "token");
    server.createContext("/token", this::handle);
  }

  /** The realm URL the registry advertises. */
  URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  private void handle(HttpExchange ex) throws IOException {
    int status = 500;
    try {
      if (!ex.getRequestMethod().equals("GET")) {
        // containerd tries an OAuth2 POST first and falls back to GET on 404; this server only speaks GET.
        status = 404;
        HttpIo.send(ex, 404, "text/plain", "lab token server: use GET\n");
        return;
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String subject = "";
      boolean authenticated = false;
      if (auth != null) {
        if (!auth.equals(credentials.basicAuthorization())) {
          ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"kubeferry-lab-token\"");
          status = 401;
          HttpIo.send(ex, 401, "application/json", "{\"details\":\"incorrect username or password\"}");
          return;
        }
        subject = credentials.username();
        authenticated = true;
      } else if (!anonymousPull) {
        status = 401;
        HttpIo.send(ex, 401, "application/json", "{\"details\":\"authentication required\"}");
        return;
      }
      List<TokenSigner.Access> access = new ArrayList<>();
      for (String scope : scopes(ex.getRequestURI().getRawQuery())) {
        TokenSigner.Access a = grant(scope, authenticated);
        if (a != null) {
          access.add(a);
        }
      }
      String token = signer.sign(SERVICE, subject, access, TTL_SECONDS);
      status = 200;
      HttpIo.send(ex, 200, "application/json", "{\"token\":" + Json.write(token) + ",\"access_token\":"
          + Json.write(token) + ",\"expires_in\":" + TTL_SECONDS + ",\"issued_at\":"
          + Json.write(Instant.now().toString()) + "}");
    } finally {
      log.record(new RecordedRequest("token", ex.getRequestMethod(), ex.getRequestURI().toString(),
          RequestKind.TOKEN, status, ex.getRequestHeaders().containsKey("Authorization"), null));
    }
  }

  /** {@code repository:name:pull,push} → a grant limited to what the caller may have; null for anything else. */
  private static TokenSigner.Access grant(String scope, boolean authenticated) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first <= 0 || last <= first) {
      return null;
    }
    String type = scope.substring(0, first);
    if (!type.equals("repository")) {
      return null;
    }
    List<String> granted = new ArrayList<>();
    for (String action : scope.substring(last + 1).split(",")) {
      if (action.equals("pull") || (authenticated && (action.equals("push") || action.equals("delete")
          || action.equals("*")))) {
        granted.add(action);
      }
    }
    return new TokenSigner.Access(type, scope.substring(first + 1, last), granted);
  }

  private static List<String> scopes(String rawQuery) {
    List<String> out = new ArrayList<>();
    if (rawQuery == null) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals("scope")) {
        for (String s : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).split(" ")) {
          if (!s.isBlank()) {
            out.add(s);
          }
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    HttpIo.stop(server);
  }
}
