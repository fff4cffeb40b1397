package io.kubeferry.lab.yum;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static file server on 127.0.0.1:&lt;ephemeral port&gt; for the lab repos: GET/HEAD with Content-Length,
 * single {@code Range: bytes=} requests (206/416), a per-path request counter and one-shot faults (truncate, error
 * status) so download, resume and cache tests can observe and provoke behaviour. Thread-safe.
 */
public final class LabHttpFileServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** A one-shot fault for the next request whose path ends with {@code pathSuffix}. */
  private record Fault(String pathSuffix, int status) {}

  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  /** Request-path prefixes served from another prefix: the lab's stand-ins for upstream hosts' layouts. */
  private final Map<String, String> aliases = new ConcurrentHashMap<>();

  private LabHttpFileServer(Path root) throws IOException {
    this.root = root.toRealPath();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "lab-yum-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Serves {@code root} until {@link #close()}. */
  public static LabHttpFileServer start(Path root) throws IOException {
    LabHttpFileServer s = new LabHttpFileServer(root);
    s.server.start();
    return s;
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** How many requests (any method, any outcome) arrived for the URL path {@code path}, e.g. {@code /base/x}. */
  public int requestCount(String path) {
    AtomicInteger c = counts.get(path);
    return c == null ? 0 : c.get();
  }

  /** Clears all request counters. */
  public void resetCounts() {
    counts.clear();
  }

  /**
   * The next GET of a path ending with {@code pathSuffix} gets only the first half of the body (Content-Length says
   * half), like a broken proxy: a client must notice the size/checksum mismatch and resume with {@code Range}.
   * (com.sun.net.httpserver cannot drop a connection mid-body; it would leave the client hanging instead.)
   */
  public void truncateNextResponse(String pathSuffix) {
    faults.add(new Fault(pathSuffix, 0));
  }

  /** The next request of a path ending with {@code pathSuffix} is answered with {@code status} and no body. */
  public void failNextRequest(String pathSuffix, int status) {
    faults.add(new Fault(pathSuffix, status));
  }

  private Fault takeFault(String path) {
    for (Fault f : faults) {
      if (path.endsWith(f.pathSuffix()) && faults.remove(f)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Serves requests for paths starting with {@code fromPrefix} from {@code toPrefix}: the lab's repositories
   * answer at the paths the real hosts use (e.g. {@code /download.docker.com/linux/centos/7/x86_64/stable/} for
   * {@code /docker-ce/}). Both prefixes start with '/'; a longer prefix wins.
   */
  public void alias(String fromPrefix, String toPrefix) {
    if (!fromPrefix.startsWith("/") || !toPrefix.startsWith("/")) {
      throw new IllegalArgumentException("alias prefixes start with '/': " + fromPrefix + " -> " + toPrefix);
    }
    aliases.put(fromPrefix, toPrefix);
  }

  private String unalias(String path) {
    String best = null;
    for (String from : aliases.keySet()) {
      if (path.startsWith(from) && (best == null || from.length() > best.length())) {
        best = from;
      }
    }
    return best == null ? path : aliases.get(best) + path.substring(best.length());
  }

  private void handle(HttpExchange ex) {
    try {
      String path = unalias(ex.getRequestURI().getPath());
      counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      boolean head = ex.getRequestMethod().equals("HEAD");
      if (!head && !ex.getRequestMethod().equals("GET")) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      Fault fault = takeFault(path);
      if (fault != null && fault.status() != 0) {
        ex.sendResponseHeaders(fault.status(), -1);
        return;
      }
      long size = Files.size(file);
      long start = 0;
      long end = size - 1;
      int status = 200;
      String range = ex.getRequestHeaders().getFirst("Range");
      if (range != null) {
        Matcher m = RANGE.matcher(range.trim());
        long[] r = m.matches() ? parseRange(m, size) : null;
        if (r == null) {
          ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
          ex.sendResponseHeaders(416, -1);
          return;
        }
        start = r[0];
        end = r[1];
        status = 206;
        ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
      }
      long length = end - start + 1;
      ex.getResponseHeaders().set("Accept-Ranges", "bytes");
      ex.getResponseHeaders().set("Content-Type", contentType(path));
      ex.getResponseHeaders().set("Last-Modified", "Sat, 01 Jan 2022 00:00:00 GMT");
      if (head) {
        ex.getResponseHeaders().set("Content-Length", Long.toString(length));
        ex.sendResponseHeaders(status, -1);
        return;
      }
      long toSend = fault != null ? Math.max(1, length / 2) : length;
      ex.sendResponseHeaders(status, toSend);
      try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
        in.skipNBytes(start);
        byte[] buf = new byte[64 * 1024];
        long left = toSend;
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            break;
          }
          out.write(buf, 0, n);
          left -= n;
        }
      }
    } catch (IOException e) {
      // the client went away or a fault was injected; nothing to report to anyone
    } finally {
      ex.close();
    }
  }

  private static long[] parseRange(Matcher m, long size) {
    String a = m.group(1);
    String b = m.group(2);
    if (a.isEmpty() && b.isEmpty()) {
      return null;
    }
    long start;
    long end;
    if (a.isEmpty()) {
      long suffix = Long.parseLong(b);
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = Long.parseLong(a);
      end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
    }
    return start > end || start >= size ? null : new long[] {start, end};
  }

  private static String contentType(String path) {
    if (path.endsWith(".xml")) {
      return "text/xml";
    }
    if (path.endsWith(".rpm")) {
      return "application/x-rpm";
    }
    if (path.endsWith(".asc") || path.endsWith(".key") || path.endsWith("GPG-KEY")) {
      return "text/plain";
    }
    return "application/octet-stream";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
