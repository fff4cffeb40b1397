package io.kubeferry.bundler.image;

import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates multi-platform test images (Docker manifest lists and OCI indexes, a shared base layer per platform)
 * and pushes them with plain HTTP requests, independent of kubeferry's client, so tests compare kubeferry's result
 * with what the registry really holds. Layer content is random bytes of the requested size.
 */
final class FixtureImages {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;
  private final Random random;

  private final int baseSize;
  private String user;
  private String password;
  private final Map<String, String> authByRepo = new java.util.concurrent.ConcurrentHashMap<>();

  /** Authenticates pushes (Basic, or a bearer token fetched from the challenge's realm) as this user. */
  FixtureImages as(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  FixtureImages(String endpoint, long seed) {
    this(endpoint, seed, 64 * 1024);
  }

  /** With a shared base layer of {@code baseSize} bytes per platform (real images share their base layers). */
  FixtureImages(String endpoint, long seed, int baseSize) {
    this.endpoint = endpoint;
    this.random = new Random(seed);
    this.baseSize = baseSize;
  }

  /** What was pushed: the top-level digest and the platform manifest digests. */
  record Pushed(String repository, String tag, String mediaType, Digest digest, Map<String, Digest> platforms,
      long blobBytes) {}

  /**
   * Pushes {@code repository:tag} as an index over {@code arches}, each platform with a shared base layer and an
   * own layer of {@code layerSize} bytes.
   */
  Pushed push(String repository, String tag, boolean oci, List<String> arches, int layerSize)
      throws IOException, InterruptedException {
    Map<String, Digest> platforms = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>();
    long bytes = 0;
    String manifestType = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
    String layerType = oci ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.DOCKER_LAYER_GZIP;
    String configType = oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG;
    for (String arch : arches) {
      byte[] base = baseLayer(arch);
      byte[] own = new byte[layerSize];
      random.nextBytes(own);
      byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Labels\":{\"repo\":\""
          + repository + ":" + tag + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256Of(base)
          + "\",\"" + Digest.sha256Of(own) + "\"]}}").getBytes(StandardCharsets.UTF_8);
      pushBlob(repository, base);
      pushBlob(repository, own);
      pushBlob(repository, config);
      bytes += base.length + own.length + config.length;
      // Docker-style pretty printing (3 spaces) so byte-exactness is really tested.
      String manifest = "{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + manifestType + "\",\n   \"config\": "
          + desc(configType, config) + ",\n   \"layers\": [\n      " + desc(layerType, base) + ",\n      "
          + desc(layerType, own) + "\n   ]\n}";
      byte[] mb = manifest.getBytes(StandardCharsets.UTF_8);
      Digest md = pushManifest(repository, Digest.sha256Of(mb).toString(), manifestType, mb);
      platforms.put("linux/" + arch, md);
      entries.add("{\"mediaType\":\"" + manifestType + "\",\"digest\":\"" + md + "\",\"size\":" + mb.length
          + ",\"platform\":{\"architecture\":\"" + arch + "\",\"os\":\"linux\"}}");
    }
    String indexType = oci ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST;
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + indexType + "\",\"manifests\":["
        + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
    Digest top = pushManifest(repository, tag, indexType, index);
    return new Pushed(repository, tag, indexType, top, platforms, bytes);
  }

  private final Map<String, byte[]> bases = new LinkedHashMap<>();

  private byte[] baseLayer(String arch) {
    return bases.computeIfAbsent(arch, a -> {
      byte[] b = new byte[baseSize];
      new Random(a.hashCode()).nextBytes(b);
      return b;
    });
  }

  private static String desc(String type, byte[] content) {
    return "{\"mediaType\":\"" + type + "\",\"size\":" + content.length + ",\"digest\":\"" + Digest.sha256Of(content)
        + "\"}";
  }

  void pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
    Digest d = Digest.sha256Of(content);
    HttpResponse<String> start = send(repository, () -> HttpRequest.newBuilder(
            URI.create("http://" + endpoint + "/v2/" + repository + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    if (start.statusCode() != 202) {
      throw new IOException("upload start: HTTP " + start.statusCode() + " " + start.body());
    }
    URI loc = URI.create("http://" + endpoint + "/").resolve(start.headers().firstValue("Location").orElseThrow());
    URI put = URI.create(loc + (loc.getQuery() == null ? "?" : "&") + "digest=" + d);
    HttpResponse<String> done = send(repository, () -> HttpRequest.newBuilder(put)
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
    if (done.statusCode() != 201) {
      throw new IOException("upload: HTTP " + done.statusCode() + " " + done.body());
    }
  }

  Digest pushManifest(String repository, String ref, String type, byte[] body) throws IOException, InterruptedException {
    HttpResponse<String> r = send(repository, () -> HttpRequest.newBuilder(
            URI.create("http://" + endpoint + "/v2/" + repository + "/manifests/" + ref))
        .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    if (r.statusCode() != 201) {
      throw new IOException("manifest put " + repository + ":" + ref + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return Digest.sha256Of(body);
  }

  /** Sends with the repository's auth; on a 401 answers the challenge once (Basic or bearer token) and resends. */
  private HttpResponse<String> send(String repository, java.util.function.Supplier<HttpRequest.Builder> request)
      throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder b = request.get();
      String auth = authByRepo.get(repository);
      if (auth != null) {
        b.header("Authorization", auth);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 401 || attempt > 0 || user == null) {
        return r;
      }
      String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8));
      io.kubeferry.core.oci.internal.Challenge c = io.kubeferry.core.oci.internal.Challenge.parse(
          r.headers().firstValue("WWW-Authenticate").orElse(""));
      if (c != null && c.scheme().equals("bearer")) {
        URI token = URI.create(c.params().get("realm") + "?service="
            + java.net.URLEncoder.encode(c.params().get("service"), StandardCharsets.UTF_8) + "&scope="
            + java.net.URLEncoder.encode("repository:" + repository + ":pull,push", StandardCharsets.UTF_8));
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(token).header("Authorization", basic).build(),
            HttpResponse.BodyHandlers.ofString());
        Object doc = io.kubeferry.core.Json.parse(t.body());
        authByRepo.put(repository, "Bearer " + ((Map<?, ?>) doc).get("token"));
      } else {
        authByRepo.put(repository, basic);
      }
    }
  }
}
