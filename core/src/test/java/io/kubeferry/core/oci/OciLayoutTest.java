package io.kubeferry.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
  private static Descriptor desc(String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256Of(b), b.length);
  }

  @Test
  void twoWritersOfOneLayoutKeepBothEntries(@TempDir Path dir) throws Exception {
    OciLayout a = OciLayout.open(dir);
    OciLayout b = OciLayout.open(dir);
    a.addImage("example.io/a:1", "a", desc("a"));
    b.addImage("example.io/b:1", "b", desc("b"));
    OciLayout read = OciLayout.open(dir);
    assertEquals(List.of("example.io/a:1", "example.io/b:1"), List.copyOf(read.images().keySet()));
    assertNotNull(read.find("b"));
    assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(dir.resolve("oci-layout")));
    assertEquals(Map.of(OciLayout.REF_ANNOTATION, "example.io/a:1", OciLayout.REF_NAME, "a"),
        read.find("example.io/a:1").annotations());
  }

  @Test
  void readingAnUnpackedLayoutChangesNothing(@TempDir Path dir) throws Exception {
    OciLayout.open(dir.resolve("l")).addImage("example.io/a:1", "a", desc("a"));
    assertEquals(desc("a").digest(), OciLayout.readImages(dir.resolve("l")).get("example.io/a:1").digest());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> OciLayout.readImages(dir.resolve("none")));
    assertEquals(List.of(dir.resolve("l")), Files.list(dir).toList(), "nothing created");
  }

  @Test
  void blobWritesAreVerified(@TempDir Path dir) throws Exception {
    BlobStore s = new BlobStore(dir);
    byte[] b = "hello".getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> s.write(Digest.sha256Of("other".getBytes(StandardCharsets.UTF_8)), b));
    s.write(Digest.sha256Of(b), b);
    BlobStore t = new BlobStore(dir.resolve("t"));
    t.importFrom(s, new Descriptor("x", Digest.sha256Of(b), b.length));
    assertEquals("hello", Files.readString(t.path(Digest.sha256Of(b))));
  }
}
