package io.kubeferry.lab.installer;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.Signer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small but real signed bundle for installer tests: tiny noarch RPMs named like the Kubernetes packages (with
 * Requires between them, a kubelet.service unit) built by rpmbuild and signed by rpmsign with an "upstream" key
 * (as packages.cloud.google.com signs the real ones), shipped as {@value #UPSTREAM_REPO}'s RPM key; a createrepo_c
 * repository with a detached signature on repomd.xml, and the bundle format's signed manifest and tarball
 * signature, made with the generated bundle key. Needs rpmbuild, rpmsign, createrepo_c and gpg (all in setup-test-env's packages).
 */
public final class FixtureBundle {
  /** name, version, release, Requires lines. */
  private record Pkg(String name, String version, String release, List<String> requires, Map<String, String> files) {}

  private static final String KUBELET_UNIT = "[Unit]\nDescription=kubelet (kubeferry fixture)\n[Service]\n"
      + "ExecStart=/usr/bin/kubelet\n[Install]\nWantedBy=multi-user.target\n";

  private static final List<Pkg> PACKAGES = List.of(
      new Pkg("kubeadm", "1.23.1", "0", List.of("kubelet >= 1.19.0", "kubectl >= 1.19.0",
          "kubernetes-cni >= 0.8.6", "cri-tools >= 1.19.0"), Map.of("/usr/bin/kubeadm", "#!/bin/sh\necho v1.23.1\n")),
      new Pkg("kubelet", "1.23.1", "0", List.of("kubernetes-cni >= 0.8.7", "conntrack-tools"),
          Map.of("/usr/bin/kubelet", "#!/bin/sh\nexec sleep infinity\n",
              "/usr/lib/systemd/system/kubelet.service", KUBELET_UNIT)),
      new Pkg("kubectl", "1.23.1", "0", List.of(), Map.of("/usr/bin/kubectl", "#!/bin/sh\necho v1.23.1\n")),
      new Pkg("kubernetes-cni", "0.8.7", "0", List.of(), Map.of("/opt/cni/bin/bridge", "#!/bin/sh\n")),
      new Pkg("cri-tools", "1.19.0", "0", List.of(), Map.of("/usr/bin/crictl", "#!/bin/sh\n")),
      new Pkg("conntrack-tools", "1.4.4", "7.el7", List.of(), Map.of("/usr/share/doc/kf-conntrack", "fixture\n")),
      // A newer kubelet in the same repo: pinning must keep it out.
      new Pkg("kubelet", "1.23.2", "0", List.of("kubernetes-cni >= 0.8.7", "conntrack-tools"),
          Map.of("/usr/bin/kubelet", "#!/bin/sh\nexec sleep infinity\n",
              "/usr/lib/systemd/system/kubelet.service", KUBELET_UNIT)));

  /** The source repository id whose RPM signing key the fixture ships ({@code keys/rpm/fixture-upstream.asc}). */
  public static final String UPSTREAM_REPO = "fixture-upstream";

  private final Path tarball;
  private final Path publicKey;

  private FixtureBundle(Path tarball, Path publicKey) {
    this.tarball = tarball;
    this.publicKey = publicKey;
  }

  public Path tarball() {
    return tarball;
  }

  public Path publicKey() {
    return publicKey;
  }

  /** Builds everything under {@code dir}; takes a few seconds. */
  public static FixtureBundle build(Path dir) throws Exception {
    Path keys = dir.resolve("keys");
    Files.createDirectories(keys);
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519).withUserId("kubeferry fixture"));
    key.writeTo(keys);
    Path gnupg = dir.resolve("gnupg");
    Files.createDirectories(gnupg);
    Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = Map.of("GNUPGHOME", gnupg.toString());
    run(env, dir, "gpg", "--batch", "--import", keys.resolve(GeneratedKey.SECRET_FILE).toString());
    Path upstreamKeys = Files.createDirectories(dir.resolve("upstream-keys"));
    GeneratedKey upstream = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519)
        .withUserId("kubeferry fixture upstream RPM signer"));
    upstream.writeTo(upstreamKeys);
    run(env, dir, "gpg", "--batch", "--import", upstreamKeys.resolve(GeneratedKey.SECRET_FILE).toString());

    Path root = dir.resolve("content");
    Path repo = root.resolve("repo");
    Files.createDirectories(repo);
    for (Pkg p : PACKAGES) {
      buildRpm(env, dir.resolve("rpmbuild"), p, repo);
    }
    String fpr = key.fingerprint().hex();
    try (Stream<Path> rpms = Files.list(repo)) {
      List<String> cmd = new ArrayList<>(List.of("rpmsign", "--define", "__gpg /usr/bin/gpg", "--define",
          "_gpg_name " + upstream.fingerprint().hex(), "--define",
          "_gpg_path " + gnupg, "--addsign"));
      rpms.filter(p -> p.toString().endsWith(".rpm")).map(Path::toString).sorted().forEach(cmd::add);
      run(env, dir, cmd.toArray(String[]::new));
    }
    run(env, dir, "createrepo_c", "-q", repo.toString());
    run(env, dir, "gpg", "--batch", "--yes", "--local-user", fpr, "--detach-sign", "--armor",
        repo.resolve("repodata/repomd.xml").toString());
    Path pub = root.resolve(BundleLayout.PUBLIC_KEY);
    Files.createDirectories(pub.getParent());
    Files.copy(keys.resolve(GeneratedKey.PUBLIC_FILE), pub);
    Path rpmKey = root.resolve(BundleLayout.rpmKey(UPSTREAM_REPO));
    Files.createDirectories(rpmKey.getParent());
    Files.copy(upstreamKeys.resolve(GeneratedKey.PUBLIC_FILE), rpmKey);

    List<FileEntry> files = new ArrayList<>();
    List<RpmEntry> rpmEntries = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
        String rel = root.relativize(f).toString();
        Digest d = Digest.sha256Of(Files.readAllBytes(f));
        files.add(new FileEntry(rel, d, Files.size(f), false));
        if (rel.endsWith(".rpm")) {
          String nevra = rpmQuery(env, dir, f);
          rpmEntries.add(new RpmEntry(Nevra.parse(nevra), rel, d, Files.size(f)));
        }
      }
    }
    BundleManifest m = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.23.1", List.of("el7"),
        List.of("amd64"), fpr, List.of(), rpmEntries, files);
    Signer signer = Signer.fromFile(keys.resolve(GeneratedKey.SECRET_FILE), null);
    byte[] manifest = BundleManifestCodec.write(m);
    Path tgz = dir.resolve("kubeferry-1.23.1-el7-amd64.tgz");
    try (OutputStream out = Files.newOutputStream(tgz);
        java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, BundleLayout.MANIFEST, manifest);
      put(tar, BundleLayout.MANIFEST_SIGNATURE, signer.signArmored(manifest));
      for (FileEntry f : files) {
        put(tar, f.path(), Files.readAllBytes(root.resolve(f.path())));
      }
    }
    Files.write(BundleLayout.tarballSignature(tgz), signer.signArmored(Files.readAllBytes(tgz)));
    return new FixtureBundle(tgz, keys.resolve(GeneratedKey.PUBLIC_FILE));
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    e.setMode(0100644);
    e.setModTime(0);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private static void buildRpm(Map<String, String> env, Path top, Pkg p, Path repo) throws Exception {
    StringBuilder spec = new StringBuilder();
    spec.append("Name: ").append(p.name()).append("\nVersion: ").append(p.version()).append("\nRelease: ")
        .append(p.release()).append("\nSummary: kubeferry fixture\nLicense: Apache-2.0\nBuildArch: noarch\n")
        .append("AutoReqProv: no\n"); // only the Requires below: the lab node's rpm database is empty
    p.requires().forEach(r -> spec.append("Requires: ").append(r).append('\n'));
    spec.append("%description\nkubeferry test fixture\n%install\n");
    int i = 0;
    for (Map.Entry<String, String> f : p.files().entrySet()) {
      String b64 = java.util.Base64.getEncoder().encodeToString(f.getValue().getBytes(StandardCharsets.UTF_8));
      spec.append("mkdir -p %{buildroot}$(dirname ").append(f.getKey()).append(")\n")
          .append("echo ").append(b64).append(" | base64 -d > %{buildroot}").append(f.getKey()).append('\n')
          .append("chmod 0755 %{buildroot}").append(f.getKey()).append('\n');
      i++;
    }
    spec.append("%files\n");
    p.files().keySet().forEach(f -> spec.append(f).append('\n'));
    Files.createDirectories(top);
    Path specFile = top.resolve(p.name() + "-" + p.version() + ".spec");
    Files.writeString(specFile, spec.toString());
    run(env, top, "rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define",
        "_build_id_links none", "--define", "__os_install_post %{nil}", specFile.toString());
    try (Stream<Path> s = Files.walk(top.resolve("RPMS"))) {
      for (Path rpm : s.filter(x -> x.getFileName().toString().startsWith(p.name() + "-" + p.version() + "-"))
          .toList()) {
        Files.copy(rpm, repo.resolve(rpm.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String rpmQuery(Map<String, String> env, Path dir, Path rpm) throws Exception {
    return run(env, dir, "rpm", "-qp", "--nosignature", "--qf", "%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}",
        rpm.toString()).strip();
  }

  static String run(Map<String, String> env, Path dir, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }
}
