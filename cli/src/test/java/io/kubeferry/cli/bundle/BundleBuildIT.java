package io.kubeferry.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubeferry bundle build --k8s 1.23.1} against the lab (registries standing in for k8s.gcr.io and docker.io,
 * the three lab yum repos): twice to the same bytes, then {@code bundle verify} and real {@code gpg --verify}.
 * Explicit {@code --repo}s only ({@code --no-default-repos}); {@code BundleToInstallIT} builds from the defaults.
 */
class BundleBuildIT {
  @TempDir Path tmp;
  private final LabBuild cli = new LabBuild();

  private int run(List<String> args) {
    return cli.run(args);
  }

  @Test
  void buildsTheSameVerifiableBundleTwice() throws Exception {
    assumeTrue(Files.isDirectory(LabBuild.TEMURIN), "a JDK for EL7 (Temurin 25) is needed for the bundled runtime");
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    key.writeTo(tmp.resolve("keys"));
    try (LabUpstream up = LabUpstream.start(); LabYumRepos yum = LabYumRepos.start()) {
      List<String> common = LabBuild.buildArgs(tmp, up, yum);
      common.addAll(List.of("--locks", Files.createDirectories(tmp.resolve("locks")).toString()));
      List<String> a = new ArrayList<>(common);
      a.addAll(List.of("-o", tmp.resolve("a/kubeferry-1.23.1-el7-amd64.tgz").toString()));
      assertEquals(0, run(a), cli.err());
      assertTrue(cli.out().contains("sha256:"), cli.out());
      assertTrue(cli.err().contains("kubeferry: pulling"), cli.err());
      String first = cli.out().lines().filter(l -> l.startsWith("sha256:")).findFirst().orElseThrow();

      assertTrue(Files.readString(tmp.resolve("locks/rpms.lock")).contains("kubeadm-1.23.1-0.x86_64"));
      assertTrue(Files.readString(tmp.resolve("locks/images.lock")).contains("k8s.gcr.io/pause:3.6"));
      List<String> b = new ArrayList<>(common);
      b.add("--locked"); // the second build must match the locks the first one wrote
      b.addAll(List.of("-o", tmp.resolve("b/kubeferry-1.23.1-el7-amd64.tgz").toString()));
      assertEquals(0, run(b), cli.err());
      assertEquals(first, cli.out().lines().filter(l -> l.startsWith("sha256:")).findFirst().orElseThrow());
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a/kubeferry-1.23.1-el7-amd64.tgz")),
          Files.readAllBytes(tmp.resolve("b/kubeferry-1.23.1-el7-amd64.tgz")));
    }
    Path bundle = tmp.resolve("a/kubeferry-1.23.1-el7-amd64.tgz");
    Path pub = tmp.resolve("keys/" + GeneratedKey.PUBLIC_FILE);
    assertEquals(0, run(List.of("bundle", "verify", bundle.toString(), "--key", pub.toString())), cli.err());
    assertTrue(cli.out().contains("every sha256 matches"), cli.out());
    assertEquals(0, run(List.of("bundle", "inspect", bundle.toString(), "--key", pub.toString())), cli.err());
    assertTrue(cli.out().contains("kubernetes:  1.23.1"), cli.out());
    assertTrue(cli.out().contains("k8s.gcr.io/kube-apiserver:v1.23.1"), cli.out());
    assertTrue(cli.out().matches("(?s).*rpms: +\\d+ packages.*"), cli.out());

    // The unpacked layout: skopeo reads every OCI-typed image (Docker-typed ones were checked by digest above);
    // dnf reads the repo, checking repomd.xml.asc against the bundled key.
    Path x = tmp.resolve("unpacked");
    assertEquals(0, run(List.of("bundle", "verify", bundle.toString(), "--key", pub.toString(), "--extract",
        x.toString())), cli.err());
    Map<?, ?> index = (Map<?, ?>) io.kubeferry.core.Json.parse(Files.readAllBytes(x.resolve("images/index.json")));
    int ociImages = 0;
    for (Object o : (List<?>) index.get("manifests")) {
      Map<?, ?> d = (Map<?, ?>) o;
      if (!String.valueOf(d.get("mediaType")).startsWith("application/vnd.oci.")) {
        continue;
      }
      String ref = (String) ((Map<?, ?>) d.get("annotations")).get("org.opencontainers.image.ref.name");
      String raw = exec("skopeo", "inspect", "--raw", "oci:" + x.resolve("images") + ":" + ref);
      assertEquals(d.get("digest"), io.kubeferry.core.Digest.sha256Of(raw.getBytes(StandardCharsets.UTF_8))
          .toString(), ref);
      ociImages++;
    }
    assertTrue(ociImages >= 2, "pause and coredns are OCI-typed in the lab: " + ociImages);
    // Each source repository's RPM signing key is inside (listed and hashed: the verify above checked it).
    String labKey = Files.readString(tmp.resolve("lab-repo.asc"));
    for (LabRepo r : LabRepo.values()) {
      String id = r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      assertEquals(labKey, Files.readString(x.resolve(io.kubeferry.core.bundle.BundleLayout.rpmKey(id))), id);
    }
    Path repo = x.resolve("repo");
    String dnf = exec("dnf", "-q", "-y", "--repofrompath=kf,file://" + repo, "--repo=kf", "--setopt=kf.gpgcheck=0",
        "--setopt=kf.repo_gpgcheck=1", "--setopt=kf.gpgkey=file://" + repo.resolve("repodata/repomd.xml.key"),
        "--installroot=" + tmp.resolve("dnfroot"), "--releasever=7", "--setopt=cachedir=" + tmp.resolve("dnfcache"),
        "repoquery", "--available");
    assertTrue(dnf.contains("kubeadm-0:1.23.1-0.x86_64") && dnf.contains("docker-ce-3:20.10.24-3.el7.x86_64"), dnf);

    // The bundle runs itself: its launcher finds lib/ and the bundled (jlink'ed Temurin) runtime next to it.
    String self = exec(x.resolve("installer/kubeferry").toString(), "bundle", "verify", x.toString(), "--key",
        pub.toString());
    assertTrue(self.contains("every sha256 matches"), self);
    String version = exec(x.resolve("installer/runtime/bin/java").toString(), "-version");
    assertTrue(version.contains("Temurin"), version);

    Path home = Files.createDirectories(tmp.resolve("gnupg"));
    Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    gpg(home, "--import", pub.toString());
    String v = gpg(home, "--status-fd", "1", "--verify", bundle + ".asc", bundle.toString());
    assertTrue(v.contains("[GNUPG:] VALIDSIG " + key.fingerprint()), v);
    new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(20, TimeUnit.SECONDS);
  }

  private static String exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + o);
    return o;
  }

  private static String gpg(Path home, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), o);
    return o;
  }
}
