package io.kubeferry.lab.registry;

import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jib layers of a fixture: a layer shared by every image and platform, a base layer shared by every image of one
 * architecture (so blob dedup across images is observable), and the image's own layer (a test double, or the real
 * Debian binaries for {@code registry} and {@code etcd} on linux/amd64).
 */
final class FixtureLayers {
  static final Path REGISTRY_BINARY = Path.of("/usr/bin/docker-registry");
  static final Path ETCD_BINARY = Path.of("/usr/bin/etcd");
  static final Path ETCDCTL_BINARY = Path.of("/usr/bin/etcdctl");
  private static final FilePermissions EXEC = FilePermissions.fromOctalString("755");
  private static final String PATH_ENV = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private FixtureLayers() {
  }

  static void addTo(JibContainerBuilder b, FixtureImage image, String arch, Path files) throws IOException {
    Files.createDirectories(files);
    b.addFileEntriesLayer(layer("common", files, Map.of(
        "/usr/share/doc/kubeferry-lab/README",
        "Fixture image layer shared by every kubeferry lab image and platform.\n")));
    b.addFileEntriesLayer(layer("base-" + arch, files, Map.of(
        "/etc/os-release", "NAME=\"kubeferry lab base\"\nID=kubeferry-lab\nVERSION_ID=1\n",
        "/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        "/etc/group", "root:x:0:\nnogroup:x:65534:\n",
        "/etc/kubeferry-lab-arch", arch + "\n")));
    b.setEnvironment(Map.of("PATH", PATH_ENV));
    b.setLabels(Map.of("io.kubeferry.lab.fixture", image.canonicalRef()));
    switch (image.payload()) {
      case REGISTRY -> registry(b, arch, files);
      case ETCD -> etcd(b, image, arch, files);
      case TEST_DOUBLE -> testDouble(b, image, arch, files);
    }
  }

  private static void registry(JibContainerBuilder b, String arch, Path files) throws IOException {
    FileEntriesLayer.Builder l = FileEntriesLayer.builder().setName("registry");
    addText(l, files, "/etc/docker/registry/config.yml", "version: 0.1\nstorage:\n  filesystem:\n"
        + "    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n", false);
    if (arch.equals("amd64")) {
      l.addEntry(requireBinary(REGISTRY_BINARY), AbsoluteUnixPath.get("/bin/registry"), EXEC);
    } else {
      addText(l, files, "/bin/LAB-PLACEHOLDER-registry-" + arch, placeholder("docker-registry", arch), true);
    }
    b.addFileEntriesLayer(l.build());
    b.setEntrypoint("/bin/registry").setProgramArguments("serve", "/etc/docker/registry/config.yml")
        .setExposedPorts(Set.of(Port.tcp(5000))).setVolumes(Set.of(AbsoluteUnixPath.get("/var/lib/registry")));
  }

  private static void etcd(JibContainerBuilder b, FixtureImage image, String arch, Path files) throws IOException {
    FileEntriesLayer.Builder l = FileEntriesLayer.builder().setName("etcd");
    if (arch.equals("amd64")) {
      l.addEntry(requireBinary(ETCD_BINARY), AbsoluteUnixPath.get("/usr/local/bin/etcd"), EXEC);
      l.addEntry(requireBinary(ETCDCTL_BINARY), AbsoluteUnixPath.get("/usr/local/bin/etcdctl"), EXEC);
    } else {
      addText(l, files, "/usr/local/bin/LAB-PLACEHOLDER-etcd-" + arch, placeholder("etcd", arch), true);
    }
    b.addFileEntriesLayer(l.build());
    b.setExposedPorts(Set.of(Port.tcp(2379), Port.tcp(2380)));
    b.setProgramArguments(List.of("etcd"));
    b.setLabels(Map.of("io.kubeferry.lab.fixture", image.canonicalRef()));
  }

  private static void testDouble(JibContainerBuilder b, FixtureImage image, String arch, Path files)
      throws IOException {
    String path = switch (image.shortName()) {
      case "pause" -> "/pause";
      case "coredns" -> "/coredns";
      case "haproxy" -> "/usr/local/sbin/haproxy";
      case "keepalived" -> "/usr/sbin/keepalived";
      default -> "/usr/local/bin/" + image.shortName();
    };
    FileEntriesLayer.Builder l = FileEntriesLayer.builder().setName(image.shortName());
    addText(l, files, path, "#!/bin/sh\n# kubeferry lab TEST DOUBLE, not the real " + image.shortName() + "\n"
        + "echo \"kubeferry-lab test double: " + image.canonicalRef() + " linux/" + arch + " $*\"\n", true);
    b.addFileEntriesLayer(l.build());
    b.setEntrypoint(path);
  }

  private static String placeholder(String what, String arch) {
    return "kubeferry lab PLACEHOLDER: no real linux/" + arch + " " + what + " binary is available here; "
        + "only the linux/amd64 image carries the real Debian binary.\n";
  }

  private static FileEntriesLayer layer(String name, Path files, Map<String, String> content) throws IOException {
    FileEntriesLayer.Builder l = FileEntriesLayer.builder().setName(name);
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(content).entrySet()) {
      addText(l, files, e.getKey(), e.getValue(), false);
    }
    return l.build();
  }

  private static void addText(FileEntriesLayer.Builder l, Path files, String target, String text, boolean exec)
      throws IOException {
    Path src = files.resolve(Integer.toHexString(target.hashCode()) + "-" + Path.of(target).getFileName());
    Files.writeString(src, text, StandardCharsets.UTF_8);
    if (exec) {
      l.addEntry(src, AbsoluteUnixPath.get(target), EXEC);
    } else {
      l.addEntry(src, AbsoluteUnixPath.get(target));
    }
  }

  static Path requireBinary(Path p) throws IOException {
    if (!Files.isRegularFile(p)) {
      throw new IOException("could not build the lab fixture images: " + p + " is missing (install the Debian "
          + "packages docker-registry, etcd-server and etcd-client; scripts/setup-test-env does)");
    }
    return p;
  }
}
