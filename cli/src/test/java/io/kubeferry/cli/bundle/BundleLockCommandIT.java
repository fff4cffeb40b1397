package io.kubeferry.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.image.ImagesLock;
import io.kubeferry.cli.Main;
import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.oci.Manifest;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.RequestKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeferry bundle lock} against the lab: resolves the kubeadm set by manifest requests only. */
class BundleLockCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void locksTheKubeadmSetFromAMirrorMapping(@TempDir Path tmp) throws Exception {
    List<String> set = List.of("kube-apiserver:v1.23.1", "kube-controller-manager:v1.23.1",
        "kube-scheduler:v1.23.1", "kube-proxy:v1.23.1", "pause:3.6", "etcd:3.5.1-0", "coredns/coredns:v1.8.6");
    try (LabRegistry lab = LabRegistry.start()) {
      Map<String, Digest> seeded = new LinkedHashMap<>();
      int n = 0;
      for (String image : set) {
        Manifest m = handmade(tmp.resolve("src" + n), n++);
        assertEquals(0, run("image", "copy", "oci:" + tmp.resolve("src" + (n - 1)) + ":x",
            "docker://" + lab.endpoint() + "/k8s.gcr.io/" + image), err.toString());
        seeded.put("k8s.gcr.io/" + image, m.digest());
      }
      lab.front().resetCounters();
      Path lockFile = tmp.resolve("images.lock");
      assertEquals(0, run("bundle", "lock", "--k8s", "1.23.1", "--cni", "none", "--lb", "none",
          "--no-registry-image", "--mirror-map", "k8s.gcr.io=" + lab.endpoint() + "/k8s.gcr.io", "--mirrors-only",
          "--lock", lockFile.toString()), err.toString());
      assertEquals(0, lab.count(RequestKind.BLOB_GET), "locking downloads no blob");
      Map<String, ImagesLock.Entry> entries = ImagesLock.read(lockFile).entries("1.23.1", "amd64");
      assertEquals(seeded.keySet(), entries.keySet());
      seeded.forEach((ref, d) -> {
        assertEquals(d, entries.get(ref).digest(), ref);
        assertEquals(Map.of("linux/amd64", d), entries.get(ref).platforms(), ref);
      });
      assertTrue(err.toString().contains("locked 7 images"), err.toString());
    }
  }

  private static Manifest handmade(Path dir, int seed) throws Exception {
    OciLayout layout = OciLayout.open(dir);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"n\":" + seed + "}").getBytes(StandardCharsets.UTF_8);
    layout.blobs().write(Digest.sha256Of(config), config);
    byte[] raw = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + Digest.sha256Of(config) + "\",\"size\":" + config.length
        + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(raw, MediaTypes.OCI_MANIFEST);
    layout.putManifest(m);
    layout.addImage("x", "x", new Descriptor(m.mediaType(), m.digest(), raw.length));
    return m;
  }
}
