package io.kubeferry.lab.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP front every lab registry has: a proxy on 127.0.0.1 before the {@code docker-registry} process that counts
 * requests by {@link RequestKind}, injects {@link FaultRule}s and, in {@link Mode#REDIRECT}, answers blob GETs with a
 * redirect to the {@link BlobHost}. Everything else passes through unchanged (status, headers, bytes). Thread-safe.
 */
public final class LabFront {
  private static final Pattern BLOB_PATH = Pattern.compile("/v2/(.+)/blobs/sha256:([a-f0-9]{64})");
  /** Headers the proxy must not copy: hop-by-hop ones and those java.net.http sets itself. */
  private static final Set<String> SKIP = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "date", "http2-settings");

  private final URI backend;
  private final BlobHost blobHost;
  private final Path storage;
  private final RequestLog log;
  private final FaultInjector faults;
  private final HttpClient client;
  private final HttpServer server;
  private final PlainHttpGate gate;
  private final java.util.concurrent.atomic.AtomicLong redirects = new java.util.concurrent.atomic.AtomicLong();

  LabFront(URI backend, Path storage, BlobHost blobHost, RequestLog log, FaultInjector faults) throws IOException {
    this.backend = backend;
    this.storage = storage;
    this.blobHost = blobHost;
    this.log = log;
    this.faults = faults;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    this.server = HttpIo.startServer("127.0.0.1", "front");
    server.createContext("/", this::handle);
    this.gate = new PlainHttpGate(server.getAddress().getPort());
  }

  /** Adds a fault rule; it fires on the next matching requests (see {@link FaultRule}). */
  public void inject(FaultRule rule) {
    faults.add(rule);
  }

  /** Removes every fault rule, fired or not. */
  public void clearFaults() {
    faults.clear();
  }

  /** How many requests of this kind the front (or blob host / token server) saw since start or the last reset. */
  public long count(RequestKind kind) {
    return log.count(kind);
  }

  /** The recent requests, oldest first (at most 20,000). */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  /** Zeroes the counters and clears the request log. */
  public void resetCounters() {
    log.reset();
  }

  /** The public port: the TLS-probe gate before the HTTP server. */
  int port() {
    return gate.port();
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String pathAndQuery = ex.getRequestURI().getRawQuery() == null ? path : path + "?" + ex.getRequestURI()
        .getRawQuery();
    RequestKind kind = RequestKind.classify(method, path);
    int status = 502;
    try {
      FaultRule st = faults.claim(kind, path, EnumSet.of(FaultRule.Action.STATUS));
      if (st != null) {
        status = st.statusCode();
        HttpIo.sendFault(ex, st);
        return;
      }
      if (blobHost != null && kind == RequestKind.BLOB_GET) {
        Integer redirected = tryRedirect(ex, path);
        if (redirected != null) {
          status = redirected;
          return;
        }
      }
      if (kind == RequestKind.BLOB_GET && !ex.getRequestHeaders().containsKey("Range")) {
        Integer served = tryServeFromStorage(ex, path);
        if (served != null) {
          status = served;
          return;
        }
      }
      status = proxy(ex, method, pathAndQuery, kind == RequestKind.BLOB_GET ? path : null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      log.record(new RecordedRequest("front", method, pathAndQuery, kind, status,
          ex.getRequestHeaders().containsKey("Authorization"), ex.getRequestHeaders().getFirst("Range")));
    }
  }

  /**
   * Asks the registry with the client's own headers (so auth is enforced exactly as for a GET) whether the blob
   * exists; the response when it does (200), else null.
   */
  private HttpResponse<Void> headBackend(HttpExchange ex, String path) throws IOException, InterruptedException {
    HttpRequest.Builder head = HttpRequest.newBuilder(backend.resolve(path))
        .method("HEAD", HttpRequest.BodyPublishers.noBody());
    copyRequestHeaders(ex, head);
    HttpResponse<Void> r = client.send(head.build(), HttpResponse.BodyHandlers.discarding());
    return r.statusCode() == 200 ? r : null;
  }

  /**
   * Serves a whole-blob GET from the registry's storage once the registry has said yes to a HEAD: same status,
   * headers and bytes as the registry would send, at about twice the throughput of proxying the body through
   * java.net.http (the images benchmark measures clients, not this front). Null when the file is not where the
   * filesystem driver keeps it; the GET is then proxied.
   */
  private Integer tryServeFromStorage(HttpExchange ex, String path) throws IOException, InterruptedException {
    Matcher m = BLOB_PATH.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String hex = m.group(2);
    Path data = storage.resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
        .resolve("data");
    HttpResponse<Void> r = headBackend(ex, path);
    if (r == null || !Files.isRegularFile(data)) {
      return null;
    }
    long length = Files.size(data);
    if (r.headers().firstValueAsLong("Content-Length").orElse(-1) != length) {
      return null;
    }
    for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!SKIP.contains(name) && !name.startsWith(":")) {
        ex.getResponseHeaders().put(h.getKey(), h.getValue());
      }
    }
    FaultRule rule = faults.claim(RequestKind.BLOB_GET, path, EnumSet.of(FaultRule.Action.CUT, FaultRule.Action.FLIP, FaultRule.Action.STALL));
    ex.sendResponseHeaders(200, length == 0 ? -1 : length);
    try (InputStream in = Files.newInputStream(data)) {
      HttpIo.copyBody(in, ex.getResponseBody(), length, rule);
    }
    ex.close();
    return 200;
  }

  /** Answers 307/302 to the blob host when the registry has the blob (and the client may read it), else null. */
  private Integer tryRedirect(HttpExchange ex, String path) throws IOException, InterruptedException {
    Matcher m = BLOB_PATH.matcher(path);
    if (!m.matches() || headBackend(ex, path) == null) {
      return null;
    }
    String hex = m.group(2);
    // Alternate so every client meets both codes registries use (registry.k8s.io 307, others 302).
    int status = redirects.getAndIncrement() % 2 == 0 ? 307 : 302;
    ex.getResponseHeaders().set("Location", blobHost.urlFor(hex, m.group(1)));
    ex.getResponseHeaders().set("Docker-Distribution-Api-Version", "registry/2.0");
    ex.sendResponseHeaders(status, -1);
    ex.close();
    return status;
  }

  private void copyRequestHeaders(HttpExchange ex, HttpRequest.Builder b) {
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      if (!SKIP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        for (String v : h.getValue()) {
          b.header(h.getKey(), v);
        }
      }
    }
  }

  /** Passes the request to the registry and streams the answer back; returns the status. */
  private int proxy(HttpExchange ex, String method, String pathAndQuery, String blobPath)
      throws IOException, InterruptedException {
    String lengthHeader = ex.getRequestHeaders().getFirst("Content-Length");
    boolean chunked = "chunked".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Transfer-Encoding"));
    long requestLength = lengthHeader == null ? (chunked ? -1 : 0) : Long.parseLong(lengthHeader.trim());
    HttpRequest.BodyPublisher body = requestLength == 0 ? HttpRequest.BodyPublishers.noBody()
        : requestLength > 0 ? HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody), requestLength)
        : HttpRequest.BodyPublishers.ofInputStream(ex::getRequestBody);
    HttpRequest.Builder b = HttpRequest.newBuilder(backend.resolve(pathAndQuery)).method(method, body);
    copyRequestHeaders(ex, b);
    HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
        String name = h.getKey().toLowerCase(Locale.ROOT);
        if (!SKIP.contains(name) && !name.startsWith(":")) {
          ex.getResponseHeaders().put(h.getKey(), h.getValue());
        }
      }
      int status = r.statusCode();
      long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (method.equals("HEAD")) {
        if (length >= 0) {
          ex.getResponseHeaders().set("Content-Length", Long.toString(length));
        }
        ex.sendResponseHeaders(status, -1);
      } else if (length == 0 || status == 204 || status == 304) {
        ex.sendResponseHeaders(status, -1);
      } else {
        FaultRule rule = blobPath != null && (status == 200 || status == 206)
            ? faults.claim(RequestKind.BLOB_GET, blobPath, EnumSet.of(FaultRule.Action.CUT, FaultRule.Action.FLIP, FaultRule.Action.STALL))
            : null;
        ex.sendResponseHeaders(status, length > 0 ? length : 0);
        HttpIo.copyBody(in, ex.getResponseBody(), length, rule);
      }
      ex.close();
      return status;
    }
  }

  void close() {
    gate.close();
    HttpIo.stop(server);
  }
}
