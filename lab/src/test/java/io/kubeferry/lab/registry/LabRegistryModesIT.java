package io.kubeferry.lab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each registry mode against the real skopeo: auth behaves like the upstream it stands for, digests survive. */
class LabRegistryModesIT {
  private static final String POD = "k8s.gcr.io/pause:3.6";
  private static final String CALICO = "docker.io/calico/node:" + LabImages.CALICO_TAG;
  private static LabRegistry sink;

  @TempDir
  Path tmp;

  @BeforeAll
  static void startSink() throws Exception {
    sink = LabRegistry.start(Mode.ANONYMOUS);
  }

  @AfterAll
  static void stopSink() {
    sink.close();
  }

  private static Map<String, PushedImage> pushTo(LabRegistry r) throws Exception {
    return LabImages.k8s1231().pushAll(r, r);
  }

  @Test
  void anonymousServesWithoutCredentialsAndPreservesDigests() throws Exception {
    try (LabRegistry reg = LabRegistry.start(Mode.ANONYMOUS)) {
      assertNull(reg.credentials());
      PushedImage pause = pushTo(reg).get(POD);
      assertEquals(pause.indexDigest(), Skopeo.rawDigest(pause.labReference()));
      Skopeo.ok("copy", "--all", "--src-tls-verify=false", "docker://" + pause.labReference(),
          "oci:" + tmp.resolve("pause") + ":3.6");
      String index = Files.readString(tmp.resolve("pause/index.json"));
      assertTrue(index.contains(pause.indexDigest().toString()), index);
      assertTrue(reg.count(RequestKind.MANIFEST_GET) >= 3, "index + 2 platform manifests counted");
      assertTrue(reg.count(RequestKind.BLOB_GET) >= 6, "configs and layers counted");
    }
  }

  @Test
  void basicRefusesWithoutCredentialsAndAcceptsWithThem() throws Exception {
    try (LabRegistry reg = LabRegistry.start(Mode.BASIC)) {
      PushedImage pause = pushTo(reg).get(POD);
      Skopeo.Result anon = Skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds",
          "docker://" + pause.labReference());
      assertNotEquals(0, anon.exit());
      assertTrue(anon.output().contains("unauthorized") || anon.output().contains("401"), anon.output());
      Skopeo.Result wrong = Skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds",
          reg.credentials().username() + ":wrong", "docker://" + pause.labReference());
      assertNotEquals(0, wrong.exit());
      assertEquals(pause.indexDigest(), Skopeo.rawDigest(pause.labReference(), "--creds",
          reg.credentials().colonForm()));
    }
  }

  @Test
  void tokenFlowPullsAnonymouslyCopiesToAnotherRegistryAndGuardsPush() throws Exception {
    try (LabRegistry reg = LabRegistry.start(Mode.TOKEN)) {
      PushedImage calico = pushTo(reg).get(CALICO);
      HttpResponse<String> challenge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(reg.baseUri() + "/v2/calico/node/manifests/" + LabImages.CALICO_TAG)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(401, challenge.statusCode());
      String wwwAuth = challenge.headers().firstValue("WWW-Authenticate").orElse("");
      assertTrue(wwwAuth.startsWith("Bearer realm=\"" + reg.tokenRealm() + "\""), wwwAuth);
      assertTrue(wwwAuth.contains("scope=\"repository:calico/node:pull\""), wwwAuth);

      String dest = sink.endpoint() + "/copied/calico-node:" + LabImages.CALICO_TAG;
      Skopeo.ok("copy", "--all", "--src-tls-verify=false", "--dest-tls-verify=false",
          "docker://" + calico.labReference(), "docker://" + dest);
      assertEquals(calico.indexDigest(), Skopeo.rawDigest(dest));
      assertTrue(reg.count(RequestKind.TOKEN) >= 1, "token endpoint used");

      Skopeo.Result anonPush = Skopeo.run("copy", "--all", "--src-tls-verify=false", "--dest-tls-verify=false",
          "docker://" + dest, "docker://" + reg.endpoint() + "/pushed/anon:1");
      assertNotEquals(0, anonPush.exit(), "anonymous token must not allow push");
      Skopeo.ok("copy", "--all", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds",
          reg.credentials().colonForm(), "docker://" + dest, "docker://" + reg.endpoint() + "/pushed/user:1");
      assertEquals(calico.indexDigest(), Skopeo.rawDigest(reg.endpoint() + "/pushed/user:1"));
    }
  }

  @Test
  void testsCanStoreCraftedBlobsAndManifestsByteExact() throws Exception {
    try (LabRegistry reg = LabRegistry.start(Mode.TOKEN)) {
      byte[] config = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Digest c = reg.putBlob("crafted/img", config);
      assertEquals(Digest.sha256Of(config), c);
      byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + IndexFormat.OCI.manifestMediaType()
          + "\",\"config\":{\"mediaType\":\"" + IndexFormat.OCI.configMediaType() + "\",\"digest\":\"" + c
          + "\",\"size\":" + config.length + "},\"layers\":[]}  ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Digest m = reg.putManifest("crafted/img", "wrong-platform", IndexFormat.OCI.manifestMediaType(), manifest);
      assertEquals(m, Skopeo.rawDigest(reg.endpoint() + "/crafted/img:wrong-platform"));
    }
  }

  @Test
  void tokenWithoutAnonymousPullNeedsCredentials() throws Exception {
    try (LabRegistry reg = LabRegistry.start(LabRegistry.Options.of(Mode.TOKEN).withAnonymousPull(false))) {
      PushedImage pause = pushTo(reg).get(POD);
      assertNotEquals(0, Skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds",
          "docker://" + pause.labReference()).exit());
      assertEquals(pause.indexDigest(), Skopeo.rawDigest(pause.labReference(), "--creds",
          reg.credentials().colonForm()));
    }
  }

  @Test
  void redirectFrontSendsBlobsToAnotherHostAndDigestsSurvive() throws Exception {
    try (LabRegistry reg = LabRegistry.start(Mode.TOKEN, Mode.REDIRECT)) {
      Map<String, PushedImage> pushed = pushTo(reg);
      assertNotEquals(reg.endpoint(), reg.blobHostAuthority());
      for (String ref : new String[] {"k8s.gcr.io/etcd:3.5.1-0", "k8s.gcr.io/coredns/coredns:v1.8.6"}) {
        PushedImage img = pushed.get(ref);
        if (img.image().format() == IndexFormat.OCI) {
          // skopeo 1.9 converts Docker-typed manifests when writing an OCI layout, so only OCI ones keep digests.
          Path dir = tmp.resolve(img.image().shortName());
          Skopeo.ok("copy", "--all", "--src-tls-verify=false", "docker://" + img.labReference(),
              "oci:" + dir + ":x");
          assertTrue(Files.readString(dir.resolve("index.json")).contains(img.indexDigest().toString()));
        }
        String dest = sink.endpoint() + "/redirected/" + img.image().repository() + ":x";
        Skopeo.ok("copy", "--all", "--src-tls-verify=false", "--dest-tls-verify=false",
            "docker://" + img.labReference(), "docker://" + dest);
        assertEquals(img.indexDigest(), Skopeo.rawDigest(dest));
      }
      var front = reg.front().requests().stream().filter(r -> r.kind() == RequestKind.BLOB_GET).toList();
      assertTrue(front.stream().anyMatch(r -> r.status() == 307), "some 307: " + front);
      assertTrue(front.stream().anyMatch(r -> r.status() == 302), "some 302: " + front);
      var served = reg.front().requests().stream().filter(r -> r.kind() == RequestKind.BLOB_HOST_GET).toList();
      assertTrue(served.size() >= 6, "blob host served the bytes");
      assertTrue(served.stream().noneMatch(RecordedRequest::hadAuthorization), "skopeo sent no credentials there");
    }
  }

  @Test
  void blobHostRefusesAuthorizationAndServesRanges() throws Exception {
    try (LabRegistry reg = LabRegistry.start(Mode.REDIRECT)) {
      PushedImage pause = pushTo(reg).get(POD);
      HttpClient http = HttpClient.newHttpClient();
      Digest manifest = pause.platformManifests().get("linux/amd64");
      String body = http.send(HttpRequest.newBuilder(URI.create(reg.baseUri() + "/v2/pause/manifests/" + manifest))
          .header("Accept", IndexFormat.OCI.manifestMediaType()).build(), HttpResponse.BodyHandlers.ofString()).body();
      Digest layer = Digest.parse(body.replaceAll("(?s).*\"layers\":\\[\\{[^}]*\"digest\":\"(sha256:[a-f0-9]+)\".*",
          "$1"));
      HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(reg.baseUri() + "/v2/pause/blobs/"
          + layer)).build(), HttpResponse.BodyHandlers.discarding());
      assertTrue(redirect.statusCode() == 307 || redirect.statusCode() == 302, "" + redirect.statusCode());
      URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
      assertEquals(reg.blobHostAuthority(), location.getAuthority());

      HttpResponse<String> leaked = http.send(HttpRequest.newBuilder(location)
          .header("Authorization", "Bearer leaked").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(403, leaked.statusCode());
      byte[] bytes = http.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray())
          .body();
      assertEquals(layer, Digest.sha256Of(bytes));
      HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(location).header("Range", "bytes=10-").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(206, tail.statusCode());
      assertEquals(bytes.length - 10, tail.body().length);
      assertEquals(bytes[10], tail.body()[0]);
    }
  }
}
