package io.kubeferry.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.Platform;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final String D1 = "sha256:" + "1".repeat(64);
  private static final String D2 = "sha256:" + "2".repeat(64);

  @Test
  void dockerManifestListIsReadAndBytesKept() {
    // Pretty-printed with three-space indent as the Docker registry serves it: bytes must stay as served.
    String text = "{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + MediaTypes.DOCKER_MANIFEST_LIST + "\",\n"
        + "   \"manifests\": [\n      {\"mediaType\": \"" + MediaTypes.DOCKER_MANIFEST + "\", \"size\": 10, \"digest\": \""
        + D1 + "\", \"platform\": {\"architecture\": \"arm64\", \"os\": \"linux\", \"variant\": \"v8\"}}\n   ]\n}";
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(raw, MediaTypes.DOCKER_MANIFEST_LIST);
    assertTrue(m.isIndex());
    assertEquals(Digest.sha256Of(raw), m.digest());
    assertEquals(Platform.parse("linux/arm64/v8"), m.children().get(0).platform());
    assertEquals(raw, m.raw());
  }

  @Test
  void mediaTypeFromDocumentWhenHeaderIsGeneric() {
    String text = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + D1 + "\",\"size\":3},\"layers\":[{\"mediaType\":\""
        + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\"" + D2 + "\",\"size\":5}]}";
    Manifest m = Manifest.of(text.getBytes(StandardCharsets.UTF_8), "application/json");
    assertEquals(MediaTypes.OCI_MANIFEST, m.mediaType());
    assertEquals(2, m.blobs().size());
    assertEquals(5, m.layers().get(0).size());
  }

  @Test
  void rejectsUnknownDocument() {
    assertThrows(IllegalArgumentException.class, () -> Manifest.of("{\"x\":1}".getBytes(StandardCharsets.UTF_8), null));
  }
}
