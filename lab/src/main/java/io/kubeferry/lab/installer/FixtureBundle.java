package io.kubeferry.lab.installer;

import io.kubeferry.core.pack.BuildOptions;
import io.kubeferry.core.pack.BundleBuilder;
import io.kubeferry.core.pack.BundleContents;
import io.kubeferry.core.pack.PackEntry;
import io.kubeferry.core.pack.PackOptions;
import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.pack.BuildOptions;
import io.kubeferry.core.pack.BundleBuilder;
import io.kubeferry.core.pack.BundleContents;
import io.kubeferry.core.pack.PackEntry;
import io.kubeferry.core.pack.PackOptions;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small but real signed bundle for installer tests: tiny noarch RPMs named like the Kubernetes packages (with
 * Requires between them, a kubelet.service unit) built by rpmbuild and signed by rpmsign with an "upstream" key
 * (as packages.cloud.google.com signs the real ones), shipped as {@value #UPSTREAM_REPO}'s RPM key; a createrepo_c
 * repository by createrepo_c with a detached signature on repomd.xml, kubeadm's images as tiny stand-ins
 * ({@link FixtureKubeadmImages}), and the bundle written by kubeferry's one bundle writer with the generated bundle
 * key. Needs rpmbuild, rpmsign, createrepo_c and gpg (all in
 * setup-test-env's packages).
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
      new Pkg("containerd.io", "1.6.33", "3.1.el7", List.of(), Map.of("/usr/share/doc/kf-containerd", "fixture\n")),
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
    run(env, dir, "gpg", "--batch", "--yes", "--local-user", key.fingerprint().hex(), "--detach-sign", "--armor",
        repo.resolve("repodata/repomd.xml").toString());
    Signer signer = Signer.fromFile(keys.resolve(GeneratedKey.SECRET_FILE), null);
    List<RpmEntry> rpms = new ArrayList<>();
    List<Nevra> kubernetes = new ArrayList<>();
    List<Nevra> runtime = new ArrayList<>();
    try (Stream<Path> files = Files.list(repo)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".rpm")).sorted().toList()) {
        Nevra nevra = Nevra.parse(run(env, dir, "rpm", "-qp", "--nosignature", "--qf",
            "%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}", f.toString()).strip());
        rpms.add(new RpmEntry(nevra, BundleLayout.REPO + f.getFileName(), Digest.sha256Of(Files.readAllBytes(f)),
            Files.size(f)));
        if (nevra.name().equals("containerd.io")) {
          runtime.add(nevra);
        } else if (!nevra.version().equals("1.23.2")) { // the newer kubelet is there to be left out
          kubernetes.add(nevra);
        }
      }
    }
    ClusterComponents cluster = new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "", "none");
    Path images = dir.resolve("images"); // the verify phase requires kubeadm's images
    BundleContents contents = new BundleContents("1.23.1", "el7", "amd64", cluster,
        Map.of(PackageRole.KUBERNETES, kubernetes, PackageRole.RUNTIME_DOCKER, runtime,
            PackageRole.RUNTIME_CONTAINERD, runtime), List.of(), FixtureKubeadmImages.write(images, "1.23.1", cluster),
        rpms, List.of());
    String rpmKey = BundleLayout.rpmKey(UPSTREAM_REPO);
    Path tgz = dir.resolve("kubeferry-1.23.1-el7-amd64.tgz");
    new BundleBuilder().build(new BuildOptions(contents, images, repo, Map.of(rpmKey, PackEntry.ofFile(rpmKey,
        upstreamKeys.resolve(GeneratedKey.PUBLIC_FILE), false)), null, null, signer, tgz, PackOptions.defaults(),
        null));
    return new FixtureBundle(tgz, keys.resolve(GeneratedKey.PUBLIC_FILE));
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
