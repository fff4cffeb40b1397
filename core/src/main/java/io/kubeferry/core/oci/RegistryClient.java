package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.oci.RegistryException.Kind;
import io.kubeferry.core.oci.internal.Authenticator;
import io.kubeferry.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one client that talks to OCI/Docker registries: auth (anonymous, Basic, Bearer token with per-repository
 * scope and a token cache), retries with backoff on network errors, 5xx and 429 (honouring {@code Retry-After}),
 * timeouts, and redirects followed by hand so {@code Authorization} never goes to another host. Manifests are kept
 * as raw bytes with their media type; blobs are streamed to disk and verified while streaming
 * ({@link BlobDownload}). Thread-safe: one instance serves parallel downloads.
 */
public final class RegistryClient {
  static final String ACCEPT = String.join(", ", io.kubeferry.core.MediaTypes.OCI_INDEX,
      io.kubeferry.core.MediaTypes.DOCKER_MANIFEST_LIST, io.kubeferry.core.MediaTypes.OCI_MANIFEST,
      io.kubeferry.core.MediaTypes.DOCKER_MANIFEST);
  private static final int MAX_MANIFEST = 4 * 1024 * 1024;
  private static final int MAX_REDIRECTS = 5;

  private final RegistryClientOptions options;
  private final HttpClient http;
  private final Authenticator auth;

  public RegistryClient(RegistryClientOptions options) {
    this.options = options;
    // HTTP/1.1: parallel blob downloads use parallel connections; no h2c upgrade surprises on plain HTTP.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    this.auth = new Authenticator(http, options.credentials(), options.responseTimeout());
  }

  /** The options this client was built with. */
  public RegistryClientOptions options() {
    return options;
  }

  /** The remote for a repository on a host, insecure when the options say so. */
  public Remote remote(String host, String repository) {
    return new Remote(host, repository, options.isInsecure(host));
  }

  /**
   * Fetches a manifest or index by tag or digest, verifying the digest when the reference is one (and the
   * registry's {@code Docker-Content-Digest} otherwise).
   *
   * @param image the reference to name in errors
   */
  public Manifest manifest(Remote r, String reference, String image) throws RegistryException, InterruptedException {
    URI uri = URI.create(r.apiBase() + r.repository() + "/manifests/" + reference);
    HttpResponse<InputStream> resp = send(r, "GET", uri, Map.of("Accept", ACCEPT), null, pull(r), image);
    int code = resp.statusCode();
    if (code == 404) {
      drain(resp);
      throw new RegistryException(Kind.NOT_FOUND, image,
          "could not pull manifest: " + reference + " not found in " + r);
    }
    expect(resp, 200, "pull manifest " + reference + " from " + r, image);
    byte[] raw;
    try (InputStream in = resp.body()) {
      raw = in.readNBytes(MAX_MANIFEST + 1);
    } catch (IOException e) {
      throw new RegistryException(Kind.NETWORK, image, "could not read manifest from " + r + ": " + e.getMessage(), e);
    }
    if (raw.length > MAX_MANIFEST) {
      throw new RegistryException(Kind.PROTOCOL, image, "could not pull manifest: larger than 4 MiB at " + r);
    }
    Manifest m;
    try {
      m = Manifest.of(raw, resp.headers().firstValue("Content-Type").orElse(null));
    } catch (IllegalArgumentException e) {
      throw new RegistryException(Kind.PROTOCOL, image, "could not read manifest from " + r + ": " + e.getMessage());
    }
    Optional<String> claimed = reference.startsWith("sha256:") ? Optional.of(reference)
        : resp.headers().firstValue("Docker-Content-Digest");
    if (claimed.isPresent() && !claimed.get().equals(m.digest().toString())) {
      throw new RegistryException(Kind.DIGEST_MISMATCH, image, "could not verify manifest from " + r
          + ": expected " + claimed.get() + " but content hashes to " + m.digest());
    }
    return m;
  }

  /**
   * Downloads a blob to {@code target} (created or truncated), resuming with {@code Range} after interruptions and
   * verifying size and digest while streaming. On failure the target may hold partial data: callers write to a
   * temporary file and delete it.
   *
   * @param progress receives byte counts as they arrive (may be called from this thread only)
   */
  public void downloadBlob(Remote r, Descriptor d, Path target, String image, java.util.function.LongConsumer progress)
      throws RegistryException, InterruptedException {
    new BlobDownload(this, r, d, target, image, progress).run();
  }

  /** Opens a blob GET, optionally from a byte offset; used by {@link BlobDownload}. */
  HttpResponse<InputStream> openBlob(Remote r, Digest digest, long offset, String image)
      throws RegistryException, InterruptedException {
    URI uri = URI.create(r.apiBase() + r.repository() + "/blobs/" + digest);
    Map<String, String> h = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
    return send(r, "GET", uri, h, null, pull(r), image);
  }

  /** Whether the registry already holds a blob in this repository. */
  public boolean hasBlob(Remote r, Digest digest, String image) throws RegistryException, InterruptedException {
    URI uri = URI.create(r.apiBase() + r.repository() + "/blobs/" + digest);
    HttpResponse<InputStream> resp = send(r, "HEAD", uri, Map.of(), null, push(r), image);
    drain(resp);
    return resp.statusCode() == 200;
  }

  /**
   * Uploads a blob from a file unless the repository has it (monolithic POST + PUT).
   *
   * @return true when bytes were uploaded
   */
  public boolean pushBlob(Remote r, Descriptor d, Path file, String image) throws RegistryException, InterruptedException {
    return pushBlob(r, d, file, image, null, 0);
  }

  /**
   * Uploads a blob unless the repository has it: first tries a cross-repository mount from {@code mountFrom} (same
   * registry; no bytes move), then uploads in {@code chunkSize} PATCH chunks when the blob is larger, else in one PUT.
   *
   * @param mountFrom a repository on the same registry known to hold the blob, or null
   * @param chunkSize chunk size for chunked uploads; 0 always uploads in one request
   * @return true when bytes were uploaded (false: already there or mounted)
   */
  public boolean pushBlob(Remote r, Descriptor d, Path file, String image, String mountFrom, long chunkSize)
      throws RegistryException, InterruptedException {
    if (hasBlob(r, d.digest(), image)) {
      return false;
    }
    return new BlobUpload(this, r, d, file, image).run(mountFrom, chunkSize);
  }

  /** POSTs to the upload endpoint (optionally with a mount query); returns the response unread. */
  HttpResponse<InputStream> startUpload(Remote r, String query, String scope, String image)
      throws RegistryException, InterruptedException {
    URI start = URI.create(r.apiBase() + r.repository() + "/blobs/uploads/" + query);
    return send(r, "POST", start, Map.of(), HttpRequest.BodyPublishers::noBody, scope, image);
  }

  static String pushScope(Remote r) {
    return push(r);
  }

  /** Uploads a manifest under a tag or digest with its original media type and bytes; verifies the digest echoed. */
  public void pushManifest(Remote r, String reference, Manifest m, String image)
      throws RegistryException, InterruptedException {
    URI uri = URI.create(r.apiBase() + r.repository() + "/manifests/" + reference);
    HttpResponse<InputStream> resp = send(r, "PUT", uri, Map.of("Content-Type", m.mediaType()),
        () -> HttpRequest.BodyPublishers.ofByteArray(m.raw()), push(r), image);
    expect(resp, 201, "push manifest " + reference + " to " + r, image);
    Optional<String> echoed = resp.headers().firstValue("Docker-Content-Digest");
    if (echoed.isPresent() && !echoed.get().equals(m.digest().toString())) {
      throw new RegistryException(Kind.DIGEST_MISMATCH, image, "could not push manifest to " + r
          + ": registry stored " + echoed.get() + " instead of " + m.digest());
    }
  }

  private static String pull(Remote r) {
    return "repository:" + r.repository() + ":pull";
  }

  private static String push(Remote r) {
    return "repository:" + r.repository() + ":pull,push";
  }

  /**
   * Sends a request with auth, retries (network errors, 5xx, 429) and hand-followed redirects. Returns the final
   * response with its body unread; any status other than 401/5xx/429/3xx is the caller's to interpret.
   */
  HttpResponse<InputStream> send(Remote r, String method, URI uri, Map<String, String> headers,
      java.util.function.Supplier<HttpRequest.BodyPublisher> body, String scope, String image)
      throws RegistryException, InterruptedException {
    boolean reauthed = false;
    for (int attempt = 1; ; attempt++) {
      String failure;
      String retryAfter = null;
      Kind kind;
      try {
        Optional<String> authHeader = auth.header(r.host(), scope);
        HttpResponse<InputStream> resp = exchange(method, uri, headers, body, authHeader.orElse(null));
        int code = resp.statusCode();
        if (code == 401 && !reauthed) {
          String challenge = resp.headers().firstValue("WWW-Authenticate").orElse(null);
          drain(resp);
          reauthed = true;
          if (auth.challenged(r.host(), scope, challenge, authHeader.isPresent())) {
            attempt--;
            continue;
          }
          throw denied(401, r, image);
        }
        if (code == 401 || code == 403) {
          drain(resp);
          throw denied(code, r, image);
        }
        if (code != 429 && code < 500) {
          return resp;
        }
        retryAfter = resp.headers().firstValue("Retry-After").orElse(null);
        failure = "HTTP " + code + errorDetail(resp);
        kind = code == 429 ? Kind.RATE_LIMITED : Kind.SERVER_ERROR;
      } catch (Authenticator.TokenDeniedException e) {
        throw new RegistryException(Kind.UNAUTHORIZED, image, "could not authenticate to " + r.host() + ": "
            + e.getMessage());
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        kind = Kind.NETWORK;
      }
      if (attempt >= options.retry().attempts()) {
        throw new RegistryException(kind, image, "could not " + method + " " + uri.getPath() + " at " + r.host()
            + ": " + failure + " after " + attempt + " attempts");
      }
      Duration delay = options.retry().delay(attempt, retryAfter);
      options.listener().retrying(method + " " + uri.getPath(), attempt, delay, failure);
      Thread.sleep(delay.toMillis());
    }
  }

  private HttpResponse<InputStream> exchange(String method, URI uri, Map<String, String> headers,
      java.util.function.Supplier<HttpRequest.BodyPublisher> body, String authHeader)
      throws IOException, InterruptedException {
    URI target = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(options.responseTimeout())
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get());
      headers.forEach(b::header);
      // Credentials go only to the host they were issued for: a redirect to object storage gets none.
      if (authHeader != null && sameOrigin(uri, target)) {
        b.header("Authorization", authHeader);
      }
      HttpResponse<InputStream> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      int code = resp.statusCode();
      boolean redirect = code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
      if (!redirect || !(method.equals("GET") || method.equals("HEAD"))) {
        return resp;
      }
      String location = resp.headers().firstValue("Location").orElse(null);
      drain(resp);
      if (location == null || hop >= MAX_REDIRECTS) {
        throw new IOException("bad redirect from " + target.getHost() + " (hop " + hop + ")");
      }
      target = target.resolve(location);
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equals(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  private static RegistryException denied(int code, Remote r, String image) {
    return new RegistryException(code == 401 ? Kind.UNAUTHORIZED : Kind.DENIED, image, "could not access " + r + ": "
        + (code == 401 ? "authentication required or credentials rejected (HTTP 401); give credentials in "
            + "~/.docker/config.json or with --creds" : "access denied (HTTP 403)"));
  }

  static void expect(HttpResponse<InputStream> resp, int code, String what, String image)
      throws RegistryException {
    if (resp.statusCode() != code) {
      String detail = errorDetail(resp);
      throw new RegistryException(resp.statusCode() == 404 ? Kind.NOT_FOUND : Kind.PROTOCOL, image,
          "could not " + what + ": HTTP " + resp.statusCode() + detail);
    }
  }

  /** The registry's error code and message from an error body, e.g. " (MANIFEST_UNKNOWN: manifest unknown)". */
  static String errorDetail(HttpResponse<InputStream> resp) {
    try (InputStream in = resp.body()) {
      byte[] b = in.readNBytes(8192);
      Object doc = Json.parse(b);
      if (doc instanceof Map<?, ?> m && m.get("errors") instanceof List<?> l && !l.isEmpty()
          && l.get(0) instanceof Map<?, ?> e) {
        return " (" + e.get("code") + ": " + e.get("message") + ")";
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable error body adds nothing to the status code.
    }
    return "";
  }

  static void drain(HttpResponse<InputStream> resp) {
    try (InputStream in = resp.body()) {
      in.skip(Long.MAX_VALUE);
    } catch (IOException e) {
      // The connection is being discarded anyway.
    }
  }

  static HttpHeaders headers(HttpResponse<?> r) {
    return r.headers();
  }
}
