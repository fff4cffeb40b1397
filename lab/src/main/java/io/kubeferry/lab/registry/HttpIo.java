package io.kubeferry.lab.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers shared by the lab's HTTP servers. */
final class HttpIo {
  private HttpIo() {
  }

  /** Thrown from a handler to make the JDK server drop the connection mid-body (a "cut" fault). */
  static final class CutConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CutConnection() {
      super("lab fault: connection cut", null, false, false);
    }
  }

  /** Starts a JDK HTTP server on host:0 with a pool of daemon threads. */
  static HttpServer startServer(String host, String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 64);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "lab-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ExecutorService pool = Executors.newCachedThreadPool(tf);
    server.setExecutor(pool);
    server.start();
    return server;
  }

  static void stop(HttpServer server) {
    if (server != null) {
      server.stop(0);
      if (server.getExecutor() instanceof ExecutorService pool) {
        pool.shutdownNow();
      }
    }
  }

  /** Sends a small body with the given status and content type, closing the exchange. */
  static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", Long.toString(bytes.length));
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  /** Answers a status fault: a registry-style JSON error, with Retry-After for 429. */
  static void sendFault(HttpExchange ex, FaultRule rule) throws IOException {
    if (rule.retryAfterSeconds() >= 0) {
      ex.getResponseHeaders().set("Retry-After", Integer.toString(rule.retryAfterSeconds()));
    }
    String code = rule.statusCode() == 429 ? "TOOMANYREQUESTS" : "UNAVAILABLE";
    send(ex, rule.statusCode(), "application/json",
        "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"lab fault injected\"}]}");
  }

  /**
   * Copies {@code in} to {@code out}; a CUT rule stops after its byte count and drops the connection, a STALL rule
   * stops there, stays silent for its stall time, then drops the connection, a FLIP rule flips one byte. {@code length} is the body length when known (-1 otherwise), used to clamp the flip offset.
   */
  static void copyBody(InputStream in, OutputStream out, long length, FaultRule rule) throws IOException {
    boolean stops = rule != null
        && (rule.action() == FaultRule.Action.CUT || rule.action() == FaultRule.Action.STALL);
    long limit = stops ? rule.bytes() : Long.MAX_VALUE;
    long flipAt = -1;
    if (rule != null && rule.action() == FaultRule.Action.FLIP) {
      flipAt = length > 0 ? Math.min(rule.bytes(), length - 1) : rule.bytes();
    }
    byte[] buf = new byte[64 * 1024];
    long pos = 0;
    while (pos < limit) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, limit - pos));
      if (n < 0) {
        break;
      }
      if (flipAt >= pos && flipAt < pos + n) {
        buf[(int) (flipAt - pos)] ^= 0x01;
      }
      out.write(buf, 0, n);
      pos += n;
    }
    if (pos >= limit && limit != Long.MAX_VALUE) {
      out.flush();
      if (rule.action() == FaultRule.Action.STALL) {
        try {
          Thread.sleep(rule.retryAfterSeconds() * 1000L); // the stall length, bounded by the rule
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      throw new CutConnection();
    }
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception e) {
      // closing during shutdown: nothing useful to do with the failure
    }
  }
}
