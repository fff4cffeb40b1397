package io.kubeferry.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.Json;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.oci.Manifest;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.lab.registry.FaultRule;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.RequestKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeferry image copy} between OCI layouts and the lab registry, byte-exact, with skopeo as a witness. */
class ImageCopyCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** A one-platform OCI image built by hand into a layout: config + one random layer + manifest. */
  private static Manifest handmade(Path dir) throws Exception {
    OciLayout layout = OciLayout.open(dir);
    byte[] layer = new byte[300_000];
    new Random(3).nextBytes(layer);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digest.sha256Of(layer) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    layout.blobs().write(Digest.sha256Of(layer), layer);
    layout.blobs().write(Digest.sha256Of(config), config);
    byte[] raw = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + Digest.sha256Of(config) + "\",\"size\":" + config.length
        + "},\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\"" + Digest.sha256Of(layer)
        + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(raw, MediaTypes.OCI_MANIFEST);
    layout.putManifest(m);
    layout.addImage("example.io/handmade:1", "handmade", new Descriptor(m.mediaType(), m.digest(), raw.length));
    return m;
  }

  @Test
  void layoutToRegistryToLayoutKeepsTheDigest(@TempDir Path tmp) throws Exception {
    Manifest m = handmade(tmp.resolve("src"));
    try (LabRegistry lab = LabRegistry.start()) {
      String ref = lab.endpoint() + "/copied/app:1";
      assertEquals(0, run("image", "copy", "oci:" + tmp.resolve("src") + ":handmade", "docker://" + ref, "--json"),
          err.toString());
      assertEquals(m.digest().toString(), ((Map<?, ?>) Json.parse(out.toString().trim())).get("digest"));
      String raw = skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + ref);
      assertEquals(m.digest(), Digest.sha256Of(raw.getBytes(StandardCharsets.UTF_8)));

      assertEquals(0, run("image", "copy", "docker://" + ref, "oci:" + tmp.resolve("dst") + ":app", "--json",
          "--cache", tmp.resolve("cache").toString()), err.toString());
      Map<?, ?> result = (Map<?, ?>) Json.parse(out.toString().trim());
      assertEquals(m.digest().toString(), ((Map<?, ?>) ((java.util.List<?>) result.get("images")).get(0)).get("digest"));
      assertTrue(err.toString().contains("digests verified"), err.toString());
      String inspect = skopeo("inspect", "oci:" + tmp.resolve("dst") + ":app");
      assertTrue(inspect.contains("\"Digest\": \"" + m.digest() + "\""), inspect);
    }
  }

  @Test
  void corruptionExitsWithIntegrityCode(@TempDir Path tmp) throws Exception {
    handmade(tmp.resolve("src"));
    try (LabRegistry lab = LabRegistry.start()) {
      String ref = lab.endpoint() + "/copied/app:1";
      assertEquals(0, run("image", "copy", "oci:" + tmp.resolve("src") + ":handmade", "docker://" + ref));
      lab.front().inject(FaultRule.flipByte(RequestKind.BLOB_GET, 10, 100));
      assertEquals(3, run("image", "copy", "docker://" + ref, "oci:" + tmp.resolve("dst"), "--no-cache"));
      String e = err.toString().trim();
      assertTrue(e.startsWith("kubeferry: error: could not pull 1 of 1 images: could not verify blob sha256:"), e);
      assertTrue(e.endsWith("(image " + ref + ")"), e);
      assertEquals(1, e.lines().filter(l -> l.startsWith("kubeferry: error")).count());
    }
  }

  private static String skopeo(String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("skopeo"));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), o);
    return o;
  }
}
