package io.kubeferry.lab.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes a fixture from a {@link BlobStore} straight to a lab registry's backend process (bypassing the front, so
 * pushes are neither counted nor faulted): blobs (mounted across repositories when already pushed, as registries
 * dedup), then the platform manifests by digest, then the index under each tag, all byte-exact.
 */
final class RegistryPusher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LabRegistry target;
  private final BlobStore store;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  /** Blob → a repository of this registry that already holds it, for cross-repository mounts. */
  private final Map<Digest, String> pushedIn = new ConcurrentHashMap<>();

  RegistryPusher(LabRegistry target, BlobStore store) {
    this.target = target;
    this.store = store;
  }

  /** Pushes the index and everything it references; returns platform → manifest digest. */
  Map<String, Digest> push(String repository, List<String> tags, Digest index) throws IOException {
    JsonNode idx = JSON.readTree(store.read(index));
    Map<String, Digest> platforms = new LinkedHashMap<>();
    for (JsonNode m : idx.get("manifests")) {
      Digest md = Digest.parse(m.get("digest").asText());
      JsonNode manifest = JSON.readTree(store.read(md));
      pushBlob(repository, Digest.parse(manifest.get("config").get("digest").asText()));
      for (JsonNode l : manifest.get("layers")) {
        pushBlob(repository, Digest.parse(l.get("digest").asText()));
      }
      putManifest(repository, md.toString(), m.get("mediaType").asText(), store.read(md));
      JsonNode p = m.get("platform");
      platforms.put(p.get("os").asText() + "/" + p.get("architecture").asText()
          + (p.has("variant") ? "/" + p.get("variant").asText() : ""), md);
    }
    for (String tag : tags) {
      putManifest(repository, tag, idx.get("mediaType").asText(), store.read(index));
    }
    return platforms;
  }

  private void pushBlob(String repo, Digest d) throws IOException {
    pushBlob(repo, d, () -> {
      try {
        return HttpRequest.BodyPublishers.ofFile(store.path(d));
      } catch (java.io.FileNotFoundException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** Uploads {@code bytes} as a blob (any content: tests craft broken images with it). */
  Digest pushBytes(String repo, byte[] bytes) throws IOException {
    Digest d = Digest.sha256Of(bytes);
    pushBlob(repo, d, () -> HttpRequest.BodyPublishers.ofByteArray(bytes));
    return d;
  }

  private void pushBlob(String repo, Digest d, java.util.function.Supplier<HttpRequest.BodyPublisher> content)
      throws IOException {
    if (send(HttpRequest.newBuilder(uri("/v2/" + repo + "/blobs/" + d)).method("HEAD",
        HttpRequest.BodyPublishers.noBody()), repo).statusCode() == 200) {
      return;
    }
    String from = pushedIn.get(d);
    HttpResponse<String> start = from != null && !from.equals(repo)
        ? send(HttpRequest.newBuilder(uri("/v2/" + repo + "/blobs/uploads/?mount=" + d + "&from=" + from))
            .POST(HttpRequest.BodyPublishers.noBody()), repo, from)
        : send(HttpRequest.newBuilder(uri("/v2/" + repo + "/blobs/uploads/"))
            .POST(HttpRequest.BodyPublishers.noBody()), repo);
    if (start.statusCode() == 202) {
      String location = start.headers().firstValue("Location").orElseThrow(() -> new IOException(
          "lab registry gave no upload Location for " + repo));
      URI put = target.backendUri().resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + d);
      HttpResponse<String> done = send(HttpRequest.newBuilder(put).PUT(content.get()), repo);
      check(done, 201, "upload blob " + d + " to " + repo);
    } else {
      check(start, 201, "mount blob " + d + " into " + repo);
    }
    pushedIn.putIfAbsent(d, repo);
  }

  void putManifest(String repo, String reference, String mediaType, byte[] bytes) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v2/" + repo + "/manifests/" + reference))
        .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), repo);
    check(r, 201, "put manifest " + repo + ":" + reference);
  }

  private URI uri(String path) {
    return target.backendUri().resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String... repos) throws IOException {
    String auth = target.adminAuthorization(repos);
    if (auth != null) {
      b.header("Authorization", auth);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pushing lab fixtures", e);
    }
  }

  private static void check(HttpResponse<String> r, int expected, String what) throws IOException {
    if (r.statusCode() != expected) {
      String body = r.body() == null ? "" : r.body();
      throw new IOException("could not " + what + ": lab registry answered " + r.statusCode() + " "
          + (body.length() > 300 ? body.substring(0, 300) : body));
    }
  }
}
