package io.kubeferry.lab.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redirect target of a {@link Mode#REDIRECT} registry: serves blob bytes straight from the registry's filesystem
 * storage on another host:port (127.0.0.2 when it can bind there, else {@code localhost}), supports {@code Range},
 * and refuses every request that carries an {@code Authorization} header with 403, so a client that leaks
 * credentials across hosts fails.
 */
final class BlobHost implements AutoCloseable {
  private static final Pattern PATH = Pattern.compile("/blobs/sha256/([a-f0-9]{64})");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final Path storage;
  private final RequestLog log;
  private final FaultInjector faults;
  private final HttpServer server;
  private final String host;

  BlobHost(Path storage, RequestLog log, FaultInjector faults) throws IOException {
    this.storage = storage;
    this.log = log;
    this.faults = faults;
    HttpServer s;
    String h;
    try {
      s = HttpIo.startServer("127.0.0.2", "blob-host");
      h = "127.0.0.2";
    } catch (BindException e) {
      s = HttpIo.startServer("127.0.0.1", "blob-host");
      h = "localhost";
    }
    this.server = s;
    this.host = h;
    server.createContext("/blobs/", this::handle);
  }

  /** {@code host:port} of this listener, different from the front's. */
  String authority() {
    return host + ":" + server.getAddress().getPort();
  }

  /** The absolute URL a redirect for this blob points to. */
  String urlFor(String hex, String repository) {
    return "http://" + authority() + "/blobs/sha256/" + hex + "?repository=" + repository;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String range = ex.getRequestHeaders().getFirst("Range");
    boolean hadAuth = ex.getRequestHeaders().containsKey("Authorization");
    int status = 500;
    try {
      Matcher m = PATH.matcher(path);
      if (hadAuth) {
        status = 403;
        HttpIo.send(ex, 403, "text/plain", "blob host: requests must not carry an Authorization header "
            + "(a client leaked credentials across a redirect)\n");
        return;
      }
      if (!m.matches() || !(ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD"))) {
        status = 404;
        HttpIo.send(ex, 404, "text/plain", "blob host: no such object\n");
        return;
      }
      String frontPath = "/v2/" + repositoryOf(ex) + "/blobs/sha256:" + m.group(1);
      FaultRule st = faults.claim(RequestKind.BLOB_HOST_GET, frontPath, EnumSet.of(FaultRule.Action.STATUS));
      if (st != null) {
        status = st.statusCode();
        HttpIo.sendFault(ex, st);
        return;
      }
      String hex = m.group(1);
      Path data = storage.resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
          .resolve("data");
      if (!Files.isRegularFile(data)) {
        status = 404;
        HttpIo.send(ex, 404, "text/plain", "blob host: no such object\n");
        return;
      }
      status = serve(ex, data, range);
    } finally {
      log.record(new RecordedRequest("blob-host", ex.getRequestMethod(), ex.getRequestURI().toString(),
          RequestKind.BLOB_HOST_GET, status, hadAuth, range));
    }
  }

  private int serve(HttpExchange ex, Path data, String range) throws IOException {
    long size = Files.size(data);
    long start = 0;
    long end = size - 1;
    int status = 200;
    if (range != null) {
      Matcher r = RANGE.matcher(range.trim());
      if (!r.matches() || Long.parseLong(r.group(1)) >= size) {
        ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
        HttpIo.send(ex, 416, "text/plain", "blob host: unsatisfiable range " + range + "\n");
        return 416;
      }
      start = Long.parseLong(r.group(1));
      if (!r.group(2).isEmpty()) {
        end = Math.min(end, Long.parseLong(r.group(2)));
      }
      status = 206;
      ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
    }
    long length = end - start + 1;
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", Long.toString(length));
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return status;
    }
    // Rules match against the front-style path, so onPathContaining("sha256:<hex>") or a repository works here too.
    String frontPath = "/v2/" + repositoryOf(ex) + "/blobs/sha256:" + data.getParent().getFileName();
    var bodyActions = EnumSet.of(FaultRule.Action.CUT, FaultRule.Action.FLIP, FaultRule.Action.STALL);
    FaultRule body = faults.claim(RequestKind.BLOB_GET, frontPath, bodyActions);
    if (body == null) {
      body = faults.claim(RequestKind.BLOB_HOST_GET, frontPath, bodyActions);
    }
    ex.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (InputStream in = Files.newInputStream(data)) {
      in.skipNBytes(start);
      HttpIo.copyBody(new BoundedInput(in, length), ex.getResponseBody(), length, body);
    }
    ex.close();
    return status;
  }

  private static String repositoryOf(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    return q != null && q.startsWith("repository=") ? q.substring("repository=".length()) : "";
  }

  /** Limits a stream to {@code remaining} bytes (for ranges). */
  private static final class BoundedInput extends java.io.FilterInputStream {
    private long remaining;

    BoundedInput(InputStream in, long remaining) {
      super(in);
      this.remaining = remaining;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }

  @Override
  public void close() {
    HttpIo.stop(server);
  }
}
