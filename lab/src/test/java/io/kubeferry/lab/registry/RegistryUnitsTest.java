package io.kubeferry.lab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeferry.core.Digest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryUnitsTest {
  @Test
  void classifiesRegistryPaths() {
    assertEquals(RequestKind.PING, RequestKind.classify("GET", "/v2/"));
    assertEquals(RequestKind.MANIFEST_GET, RequestKind.classify("GET", "/v2/coredns/coredns/manifests/v1.8.6"));
    assertEquals(RequestKind.MANIFEST_HEAD, RequestKind.classify("HEAD", "/v2/pause/manifests/3.6"));
    assertEquals(RequestKind.MANIFEST_PUT, RequestKind.classify("PUT", "/v2/pause/manifests/3.6"));
    String blob = "/v2/calico/node/blobs/sha256:" + "a".repeat(64);
    assertEquals(RequestKind.BLOB_GET, RequestKind.classify("GET", blob));
    assertEquals(RequestKind.BLOB_HEAD, RequestKind.classify("HEAD", blob));
    assertEquals(RequestKind.BLOB_UPLOAD, RequestKind.classify("POST", "/v2/calico/node/blobs/uploads/"));
    assertEquals(RequestKind.TAGS_LIST, RequestKind.classify("GET", "/v2/pause/tags/list"));
    assertEquals(RequestKind.OTHER, RequestKind.classify("GET", "/favicon.ico"));
  }

  @Test
  void faultRulesFireTheGivenNumberOfTimesAndNarrowByPath() {
    FaultInjector f = new FaultInjector();
    FaultRule r = FaultRule.status(RequestKind.BLOB_GET, 500, 2).onPathContaining("/etcd/");
    f.add(r);
    var status = EnumSet.of(FaultRule.Action.STATUS);
    assertNull(f.claim(RequestKind.BLOB_GET, "/v2/pause/blobs/x", status));
    assertNull(f.claim(RequestKind.MANIFEST_GET, "/v2/etcd/manifests/x", status));
    assertSame(r, f.claim(RequestKind.BLOB_GET, "/v2/etcd/blobs/x", status));
    assertNull(f.claim(RequestKind.BLOB_GET, "/v2/etcd/blobs/x", EnumSet.of(FaultRule.Action.CUT)));
    assertSame(r, f.claim(RequestKind.BLOB_GET, "/v2/etcd/blobs/x", status));
    assertNull(f.claim(RequestKind.BLOB_GET, "/v2/etcd/blobs/x", status));
    assertEquals(2, r.fired());
    assertEquals(0, r.remaining());
    assertThrows(IllegalArgumentException.class, () -> FaultRule.cutAfter(RequestKind.BLOB_GET, 1, 0));
  }

  @Test
  void manifestsAreValidJsonDockerPrettyOciCompactAndStable() throws Exception {
    Digest d = Digest.sha256Of("x".getBytes(StandardCharsets.UTF_8));
    var cfg = new ManifestJson.Descriptor("c", d, 1, null);
    var layer = new ManifestJson.Descriptor("l", d, 2, null);
    byte[] docker = ManifestJson.manifest(IndexFormat.DOCKER, cfg, List.of(layer));
    byte[] oci = ManifestJson.manifest(IndexFormat.OCI, cfg, List.of(layer));
    var json = new ObjectMapper();
    assertEquals(IndexFormat.DOCKER.manifestMediaType(), json.readTree(docker).get("mediaType").asText());
    assertEquals(2, json.readTree(oci).get("layers").get(0).get("size").asLong());
    assertTrue(new String(docker, StandardCharsets.UTF_8).contains("\n   \"schemaVersion\": 2"));
    assertFalse(new String(oci, StandardCharsets.UTF_8).contains("\n"));
    byte[] index = ManifestJson.index(IndexFormat.OCI, List.of(new ManifestJson.Descriptor("m", d, 3,
        "linux/arm64/v8")));
    assertEquals("v8", json.readTree(index).get("manifests").get(0).get("platform").get("variant").asText());
    assertEquals(Digest.sha256Of(docker), Digest.sha256Of(ManifestJson.manifest(IndexFormat.DOCKER, cfg,
        List.of(layer))));
  }

  @Test
  void credentialsNeverPrintThePassword() {
    Credentials c = new Credentials("u", "s3cret");
    assertFalse(c.toString().contains("s3cret"));
    assertEquals("Basic dTpzM2NyZXQ=", c.basicAuthorization());
  }

  @Test
  void optionsRejectTwoAuthModes() {
    assertThrows(IllegalArgumentException.class, () -> LabRegistry.Options.of(Mode.BASIC, Mode.TOKEN));
    assertEquals(EnumSet.of(Mode.ANONYMOUS), LabRegistry.Options.of().modes());
    assertTrue(LabRegistry.Options.of(Mode.TOKEN, Mode.REDIRECT).anonymousPull());
  }
}
