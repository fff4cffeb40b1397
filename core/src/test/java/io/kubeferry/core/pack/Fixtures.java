package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Real bundle content made in the test: an OCI layout copied by skopeo, a yum repo made by createrepo_c. */
final class Fixtures {
  private Fixtures() {}

  static String run(Path cwd, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  /** An OCI layout with one small image tagged {@code ref}, normalised by {@code skopeo copy}. */
  static Path ociLayout(Path dir, String ref) throws Exception {
    Path src = Files.createDirectories(dir.resolve("oci-src"));
    byte[] layer = gzipTar("hello.txt", "hello from kubeferry\n".getBytes(StandardCharsets.UTF_8));
    Digest layerDigest = Digest.sha256Of(layer);
    Digest diffId = Digest.sha256Of(tar("hello.txt", "hello from kubeferry\n".getBytes(StandardCharsets.UTF_8)));
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[\"" + diffId + "\"]}}").getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
        + Digest.sha256Of(config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + layerDigest + "\",\"size\":"
        + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
    Path blobs = Files.createDirectories(src.resolve("blobs/sha256"));
    for (byte[] b : List.of(layer, config, manifest)) {
      Files.write(blobs.resolve(Digest.sha256Of(b).hex()), b);
    }
    Files.writeString(src.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(src.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + Digest.sha256Of(manifest) + "\",\"size\":"
        + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + ref + "\"}}]}");
    Path layout = dir.resolve("images");
    run(dir, "skopeo", "copy", "--quiet", "oci:" + src + ":" + ref, "oci:" + layout + ":" + ref);
    return layout;
  }

  /** A yum repo with two tiny noarch RPMs (one with an epoch), made by rpmbuild and createrepo_c. */
  static Path yumRepo(Path dir) throws Exception {
    Path repo = rpms(dir);
    run(dir, "createrepo_c", "--quiet", repo.toString());
    return repo;
  }

  /** {@code dir/repo/Packages} with two tiny noarch RPMs and no metadata yet; returns {@code dir/repo}. */
  static Path rpms(Path dir) throws Exception {
    Path top = Files.createDirectories(dir.resolve("rpmbuild"));
    Path repo = Files.createDirectories(dir.resolve("repo/Packages"));
    List<String> names = new ArrayList<>(List.of("kf-test-a:0", "kf-test-b:2"));
    for (String n : names) {
      String name = n.split(":")[0];
      String epoch = n.split(":")[1];
      Path spec = top.resolve(name + ".spec");
      Files.writeString(spec, "Name: " + name + "\n" + (epoch.equals("0") ? "" : "Epoch: " + epoch + "\n")
          + "Version: 1.0\nRelease: 1\nSummary: kubeferry test package\nLicense: MIT\nBuildArch: noarch\n"
          + "%description\ntest\n%install\nmkdir -p %{buildroot}/usr/share/" + name + "\n"
          + "echo " + name + " > %{buildroot}/usr/share/" + name + "/README\n"
          + "%files\n/usr/share/" + name + "/README\n");
      run(top, "rpmbuild", "--quiet", "-bb", "--define", "_topdir " + top, spec.toString());
    }
    try (var s = Files.walk(top.resolve("RPMS"))) {
      for (Path rpm : s.filter(p -> p.toString().endsWith(".rpm")).toList()) {
        Files.copy(rpm, repo.resolve(rpm.getFileName()));
      }
    }
    return dir.resolve("repo");
  }

  /** Templates, a launcher and a jar, as the installer part would have. */
  static ContentSources.Installer installer(Path dir) throws IOException {
    Path launcher = Files.writeString(Files.createDirectories(dir.resolve("inst")).resolve("kubeferry"),
        "#!/bin/sh\necho kubeferry\n");
    launcher.toFile().setExecutable(true);
    Path jar = dir.resolve("inst/kubeferry-core.jar");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    // A stand-in runtime: an executable and 3 MiB of incompressible data, so split tests get several parts.
    Path runtime = Files.createDirectories(dir.resolve("inst/runtime/bin"));
    Path java = Files.writeString(runtime.resolve("java"), "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    byte[] modules = new byte[3 << 20];
    new java.util.Random(42).nextBytes(modules);
    Files.write(Files.createDirectories(dir.resolve("inst/runtime/lib")).resolve("modules"), modules);
    return new ContentSources.Installer(launcher, List.of(jar), dir.resolve("inst/runtime"));
  }

  static Path templates(Path dir) throws IOException {
    Path m = Files.createDirectories(dir.resolve("manifests/kubeadm"));
    Files.writeString(m.resolve("v1beta3.yaml"), "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n");
    Path locks = Files.createDirectories(dir.resolve("locks"));
    Files.writeString(locks.resolve("images.lock"), "registry.k8s.io/pause:3.6 sha256:0\n");
    return dir.resolve("manifests");
  }

  private static byte[] tar(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(content.length);
      e.setModTime(0);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] gzipTar(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(tar(name, content));
    }
    return bytes.toByteArray();
  }
}
