package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.io.StallTimeoutInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The one HTTP client for yum repositories: owns timeouts and retries (3 attempts with backoff on connection
 * errors and 5xx), supports ranged requests for resumable downloads. Redirects are followed only within http(s).
 * Thread-safe.
 */
public final class HttpRepoClient {
  private static final Duration STALL = Duration.ofSeconds(60);
  private static final int ATTEMPTS = 3;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private HttpClient client;

  public HttpRepoClient(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  /** Created on first use: building a JDK HttpClient costs ~0.1 s that local repositories never need. */
  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return client;
  }

  /** A client with 10 s connect and 5 min request timeouts. */
  public static HttpRepoClient defaults() {
    return new HttpRepoClient(Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  /**
   * GETs {@code uri} from byte {@code offset} (0 = whole file); empty when the server answers 404. With an
   * offset the server must answer 206, otherwise an IOException says that resuming is impossible.
   */
  public Optional<InputStream> get(URI uri, long offset) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
      if (offset > 0) {
        b.header("Range", "bytes=" + offset + "-");
      }
      try {
        HttpResponse<InputStream> resp = client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        int code = resp.statusCode();
        if (code == 404 || code == 410) {
          resp.body().close();
          return Optional.empty();
        }
        if ((offset == 0 && code == 200) || (offset > 0 && code == 206)) {
          // A body silent for STALL fails like a cut one: the downloader then resumes it with Range.
          return Optional.of(new StallTimeoutInputStream(resp.body(), STALL));
        }
        resp.body().close();
        last = new IOException("HTTP " + code + " for " + uri);
        if (code < 500) {
          throw last;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching " + uri);
      } catch (IOException e) {
        if (e == last && last.getMessage().startsWith("HTTP 4")) {
          throw e;
        }
        last = e instanceof java.net.ConnectException
            ? new IOException("cannot connect to " + uri + " (" + e.getMessage() + ")", e) : e;
      }
      if (attempt < ATTEMPTS) {
        sleep(attempt);
      }
    }
    throw last;
  }

  private static void sleep(int attempt) throws InterruptedIOException {
    try {
      Thread.sleep(200L * attempt * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
