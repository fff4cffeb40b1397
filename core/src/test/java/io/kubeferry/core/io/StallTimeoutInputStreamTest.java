package io.kubeferry.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real JDK HttpClient: a body that goes silent fails fast; a healthy one is untouched. */
class StallTimeoutInputStreamTest {
  private static final byte[] HEAD = "first bytes".getBytes();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/stall", ex -> {
      ex.sendResponseHeaders(200, 1000);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(HEAD);
        out.flush();
        Thread.sleep(10_000); // silent, connection open
      } catch (InterruptedException | IOException e) {
        // the client went away
      }
    });
    server.createContext("/ok", ex -> {
      ex.sendResponseHeaders(200, HEAD.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(HEAD);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private InputStream get(String path) throws Exception {
    HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    return new StallTimeoutInputStream(r.body(), Duration.ofMillis(400));
  }

  @Test
  void aSilentBodyFailsAsStalledAndLeavesNoInterrupt() throws Exception {
    long start = System.nanoTime();
    try (InputStream in = get("/stall")) {
      byte[] got = in.readNBytes(HEAD.length);
      assertArrayEquals(HEAD, got);
      IOException e = assertThrows(IOException.class, () -> in.read(new byte[100]));
      assertTrue(e.getMessage().contains("stalled transfer"), e.getMessage());
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
        "gave up long before the server's 10 s silence ended");
    assertFalse(Thread.interrupted(), "no interrupt leaks to the caller");
  }

  @Test
  void aHealthyBodyIsReadWhole() throws Exception {
    try (InputStream in = get("/ok")) {
      assertArrayEquals(HEAD, in.readAllBytes());
      Thread.sleep(900); // longer than the limit while NOT reading: only a waiting read counts
      assertTrue(Arrays.equals(new byte[0], in.readAllBytes()));
    }
    assertFalse(Thread.interrupted(), "no interrupt leaks to the caller");
  }
}
