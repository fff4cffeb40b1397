package io.kubeferry.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.pack.BuildOptions;
import io.kubeferry.core.pack.BundleBuilder;
import io.kubeferry.core.pack.BundleContents;
import io.kubeferry.core.pack.PackEntry;
import io.kubeferry.core.pack.ContentSources;
import io.kubeferry.core.pack.PackOptions;
import io.kubeferry.cli.Main;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.Signer;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCommandsTest {
  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;
  private Path bundle;
  private Path pub;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @BeforeEach
  void keyAndBundle() throws Exception {
    assertEquals(0, run("keygen", "-o", dir.resolve("keys").toString()), err.toString());
    assertTrue(out.toString().matches("(?s)fingerprint: [0-9A-F]{40}\n.*"), out.toString());
    pub = dir.resolve("keys/" + GeneratedKey.PUBLIC_FILE);
    Signer signer = Signer.fromFile(dir.resolve("keys/" + GeneratedKey.SECRET_FILE), null);
    Path templates = Files.createDirectories(dir.resolve("manifests/kubeadm"));
    Files.writeString(templates.resolve("v1beta3.yaml"), "kind: ClusterConfiguration\n");
    Path launcher = Files.writeString(dir.resolve("kubeferry"), "#!/bin/sh\n");
    bundle = dir.resolve("out/k.tgz");
    String template = "manifests/kubeadm/v1beta3.yaml";
    BundleContents contents = new BundleContents("1.23.1", "el7", "amd64", new io.kubeferry.core.bundle
        .ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "", "none"), java.util.Map.of(),
        List.of(), List.of(), List.of(), List.of());
    new BundleBuilder().build(new BuildOptions(contents, null, null, java.util.Map.of(template,
        PackEntry.ofFile(template, templates.resolve("v1beta3.yaml"), false)),
        new ContentSources.Installer(launcher, List.of(), null), null, signer, bundle, PackOptions.defaults(), null));
  }

  @Test
  void verifyPrintsWhatWasVerified() {
    assertEquals(0, run("bundle", "verify", bundle.toString(), "--key", pub.toString()), err.toString());
    assertTrue(out.toString().contains("tarball signature:  good"), out.toString());
    assertTrue(out.toString().contains("every sha256 matches"), out.toString());
  }

  @Test
  void tamperingExitsThreeNamingTheFile() throws Exception {
    Path x = dir.resolve("x");
    assertEquals(0, run("bundle", "verify", bundle.toString(), "--key", pub.toString(), "--extract", x.toString()));
    Path template = x.resolve("manifests/kubeadm/v1beta3.yaml");
    try (RandomAccessFile f = new RandomAccessFile(template.toFile(), "rw")) {
      f.seek(0);
      f.write('K');
    }
    assertEquals(3, run("bundle", "verify", x.toString(), "--key", pub.toString()));
    assertTrue(err.toString().startsWith("kubeferry: error: ") && err.toString().contains(
        "manifests/kubeadm/v1beta3.yaml: content does not match"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  @Test
  void wrongKeyExitsThree() throws Exception {
    assertEquals(0, run("keygen", "-o", dir.resolve("other").toString(), "--type", "ed25519"));
    assertEquals(3, run("bundle", "verify", bundle.toString(), "--key",
        dir.resolve("other/" + GeneratedKey.PUBLIC_FILE).toString()));
    assertTrue(err.toString().contains("wrong key"), err.toString());
  }

  @Test
  void inspectSummarisesAndPrintsJson() {
    assertEquals(0, run("bundle", "inspect", bundle.toString(), "--key", pub.toString()), err.toString());
    assertTrue(out.toString().contains("kubernetes:  1.23.1"), out.toString());
    assertTrue(out.toString().contains("manifest signature good"), out.toString());
    assertEquals(0, run("bundle", "inspect", bundle.toString(), "--json"), err.toString());
    java.util.Map<?, ?> json = (java.util.Map<?, ?>) io.kubeferry.core.Json.parse(out.toString());
    assertEquals("1.23.1", json.get("kubernetesVersion"));
    assertEquals("not checked (no --key)", json.get("manifestSignature"));
    assertEquals(3L, ((Number) json.get("files")).longValue(), out.toString());
  }

  @Test
  void inspectAndVerifyNameADeltasBaseAndListItsAddOns() throws Exception {
    String addon = "addons/10-web.yaml";
    BundleContents contents = new BundleContents("1.23.1", "el7", "amd64", new io.kubeferry.core.bundle
        .ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "", "none"), java.util.Map.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(new io.kubeferry.core.bundle.TemplateEntry(addon,
        List.of("docker.io/library/nginx:1.25.3"))));
    Path delta = dir.resolve("out/delta.tgz");
    String template = "manifests/kubeadm/v1beta3.yaml";
    new BundleBuilder().build(new BuildOptions(contents, null, null, java.util.Map.of(
        template, PackEntry.ofFile(template, dir.resolve("manifests/kubeadm/v1beta3.yaml"), false),
        addon, PackEntry.ofBytes(addon, "kind: Deployment\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        new ContentSources.Installer(dir.resolve("kubeferry"), List.of(), null), null,
        Signer.fromFile(dir.resolve("keys/" + GeneratedKey.SECRET_FILE), null), delta, PackOptions.defaults(), null,
        io.kubeferry.core.pack.DeltaBase.read(bundle, io.kubeferry.core.sign.SignatureVerifier.fromFile(pub))));

    assertEquals(0, run("bundle", "verify", delta.toString(), "--key", pub.toString()), err.toString());
    assertTrue(out.toString().contains("  files:              1 files,"), out.toString());
    assertTrue(out.toString().contains("  delta:              on k.tgz (bundle.yaml sha256:"), out.toString());
    assertTrue(out.toString().contains("its 3 other files are not in this bundle and were not checked here"),
        out.toString());
    assertEquals(0, run("bundle", "inspect", delta.toString()), err.toString());
    assertTrue(out.toString().contains("add-ons:     1 (applied in this order after the CNI)\n"
        + "  addons/10-web.yaml  docker.io/library/nginx:1.25.3\n"), out.toString());
    assertTrue(out.toString().contains("delta:       on k.tgz (bundle.yaml sha256:"), out.toString());
    assertEquals(0, run("bundle", "inspect", delta.toString(), "--json"), err.toString());
    java.util.Map<?, ?> json = (java.util.Map<?, ?>) io.kubeferry.core.Json.parse(out.toString());
    assertEquals(3L, ((Number) ((java.util.Map<?, ?>) json.get("base")).get("files")).longValue(), out.toString());
    assertEquals(List.of(java.util.Map.of("path", addon, "images", List.of("docker.io/library/nginx:1.25.3"))),
        json.get("addons"));
  }

  @Test
  void theDryRunListsTheAddOnsAndTheirImages() throws Exception {
    Path addons = Files.createDirectories(dir.resolve("addons"));
    Files.writeString(addons.resolve("web.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
        + "spec:\n  template:\n    spec:\n      containers:\n      - {name: w, image: nginx:1.25.3}\n");
    Path key = dir.resolve("keys/" + GeneratedKey.PUBLIC_FILE);
    assertEquals(0, run("bundle", "build", "--k8s", "1.23.1", "--cni", "none", "--lb", "none", "--no-default-repos",
        "--repo", "kubernetes=" + dir, "--repo-key", "kubernetes=" + key, "--templates",
        dir.resolve("manifests").toString(), "--addons", addons.toString(), "--image", "quay.io/x/y:1", "--dry-run"),
        err.toString());
    assertTrue(out.toString().contains("  addon          docker.io/library/nginx:1.25.3\n"
        + "  addon          quay.io/x/y:1\n"), out.toString());
    assertTrue(out.toString().contains("add-ons (1, applied in this order after the CNI):\n  addons/web.yaml"
        + "  docker.io/library/nginx:1.25.3\n"), out.toString());
    assertEquals(2, run("bundle", "build", "--k8s", "1.23.1", "--no-default-repos", "--repo", "kubernetes=" + dir,
        "--repo-key", "kubernetes=" + key, "--templates", dir.resolve("manifests").toString(), "--image", "Not A Ref",
        "--dry-run"), err.toString());
    assertTrue(err.toString().startsWith("kubeferry: error: could not read --image: "), err.toString());
  }

  @Test
  void aMissingBundleIsOneClearLine() {
    assertEquals(1, run("bundle", "verify", dir.resolve("nope.tgz").toString(), "--key", pub.toString()));
    assertTrue(err.toString().contains("nope.tgz") && err.toString().contains("no such bundle"), err.toString());
  }

  @Test
  void buildRefusesARepositoryWithoutItsRpmSigningKey() throws Exception {
    Path key = dir.resolve("keys/" + GeneratedKey.PUBLIC_FILE);
    Path out = dir.resolve("refused/k.tgz");
    int code = run("bundle", "build", "--k8s", "1.23.1", "--no-default-repos", "--repo", "kubernetes=" + dir,
        "--repo-key", "kubernetes=" + key, "--repo", "base=" + dir, "--sign-key",
        dir.resolve("keys/" + GeneratedKey.SECRET_FILE).toString(), "--templates", dir.resolve("manifests").toString(),
        "-o", out.toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("kubeferry: error: could not build: repository 'base' has no signing key;"
        + " the bundle installs with gpgcheck=1, so give the key that signs its RPMs and repomd.xml"
        + " (--repo-key base=KEYFILE)"), err.toString());
    assertEquals(1, err.toString().lines().count(), "one line: " + err);
    assertTrue(!Files.exists(out.getParent()), "nothing written");
  }
}
