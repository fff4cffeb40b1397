package io.kubeferry.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleImagesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void printsTheExactSet() {
    assertEquals(0, run("bundle", "images", "--k8s", "1.23.1", "--cni", "none", "--lb", "none", "--no-registry-image"));
    assertEquals(List.of("k8s.gcr.io/kube-apiserver:v1.23.1", "k8s.gcr.io/kube-controller-manager:v1.23.1",
        "k8s.gcr.io/kube-scheduler:v1.23.1", "k8s.gcr.io/kube-proxy:v1.23.1", "k8s.gcr.io/pause:3.6",
        "k8s.gcr.io/etcd:3.5.1-0", "k8s.gcr.io/coredns/coredns:v1.8.6"), out.toString().lines().toList());
  }

  @Test
  void jsonWithMirrorPreset() {
    assertEquals(0, run("bundle", "images", "--k8s", "v1.23.1", "--arch", "amd64,arm64", "--mirror", "cn", "--json"));
    Map<?, ?> doc = (Map<?, ?>) Json.parse(out.toString().trim());
    assertEquals(List.of("linux/amd64", "linux/arm64"), doc.get("platforms"));
    List<?> images = (List<?>) doc.get("images");
    Map<?, ?> coredns = images.stream().map(Map.class::cast)
        .filter(m -> m.get("image").equals("k8s.gcr.io/coredns/coredns:v1.8.6")).findFirst().orElseThrow();
    assertEquals(List.of("registry.aliyuncs.com/google_containers/coredns:v1.8.6"), coredns.get("mirrors"));
    assertEquals("coredns", coredns.get("role"));
  }

  @Test
  void addOnImagesAreListedWithWhereTheyAreNamedWithoutPulling(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path addons = java.nio.file.Files.createDirectories(dir.resolve("addons"));
    java.nio.file.Files.writeString(addons.resolve("exporter.yaml"),
        io.kubeferry.lab.registry.LabAddons.NODE_EXPORTER);
    java.nio.file.Path list = java.nio.file.Files.writeString(dir.resolve("images.txt"), "# tools\nbusybox:1.36\n");
    assertEquals(0, run("bundle", "images", "--k8s", "1.23.1", "--cni", "none", "--lb", "none",
        "--no-registry-image", "--addons", addons.toString(), "--images", list.toString(), "--json"), err.toString());
    Map<?, ?> doc = (Map<?, ?>) Json.parse(out.toString().trim());
    List<?> images = (List<?>) doc.get("images");
    assertEquals(9, images.size(), out.toString());
    Map<?, ?> exporter = (Map<?, ?>) images.get(7);
    assertEquals("quay.io/prometheus/node-exporter:v1.7.0", exporter.get("image"));
    assertEquals("addon", exporter.get("role"));
    assertEquals(List.of(addons.resolve("exporter.yaml") + " document 1 (DaemonSet node-exporter)"
        + " spec.template.spec.containers[0].image"), exporter.get("namedBy"));
    assertEquals(List.of(list + " line 2"), ((Map<?, ?>) images.get(8)).get("namedBy"));
    assertEquals(List.of(Map.of("path", "addons/exporter.yaml", "images",
        List.of("quay.io/prometheus/node-exporter:v1.7.0"))), doc.get("addons"));
  }

  @Test
  void unknownVersionIsOneClearLine() {
    assertEquals(1, run("bundle", "images", "--k8s", "1.32.0"));
    assertEquals("kubeferry: error: unsupported Kubernetes version 1.32.0 (supported: 1.20.0 to 1.31.14)",
        err.toString().trim());
  }

  @Test
  void badInputsAreOneLine() {
    assertEquals(1, run("bundle", "images", "--k8s", "1.23.1", "--mirror", "mars"));
    assertTrue(err.toString().trim().startsWith("kubeferry: error: unknown mirror preset 'mars' (known: cn)"), err.toString());
    assertEquals(1, err.toString().trim().lines().count());
  }

  @Test
  void imageCopyRejectsBadLocations() {
    assertEquals(1, run("image", "copy", "ftp://x", "oci:/tmp/x"));
    assertTrue(err.toString().contains("invalid image location 'ftp://x'"), err.toString());
  }
}
