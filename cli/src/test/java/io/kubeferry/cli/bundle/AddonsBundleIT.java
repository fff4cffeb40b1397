package io.kubeferry.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.Signer;
import io.kubeferry.lab.registry.LabImages;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 16 and 18 end to end against the lab: {@code bundle build --addons} carries a Deployment's (docker.io) and a
 * DaemonSet's (quay.io) images by itself; an add-on image no upstream has, a template image outside the set and a
 * drifted add-on image each fail the build in one line; a delta on the first bundle holds none of its blobs; and a
 * validly signed copy of the bundle without the add-on's image is refused by {@code install}'s verify phase, naming
 * the image, before any host is contacted.
 */
class AddonsBundleIT {
  private static final String WEB = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: web}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - {name: nginx, image: "nginx:1.25.3"}
      """;
  private static final String EXPORTER = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: node-exporter, namespace: kube-system}
      spec:
        selector: {matchLabels: {app: node-exporter}}
        template:
          metadata: {labels: {app: node-exporter}}
          spec:
            hostNetwork: true
            containers:
            - {name: node-exporter, image: quay.io/prometheus/node-exporter:v1.7.0}
      """;

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(List<String> args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
  }

  private int build(List<String> common, String... more) {
    List<String> a = new ArrayList<>(common);
    a.addAll(List.of(more));
    return run(a);
  }

  /** The error lines of the last run (stderr also carries progress). */
  private List<String> errors() {
    return err.toString().lines().filter(l -> l.startsWith("kubeferry: error: ")).toList();
  }

  private Path addons(String name, String file, String yaml) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve(file), yaml);
    return dir;
  }

  @Test
  void addOnsAreCarriedCheckedAtBuildAndAtInstallAndADeltaHoldsOnlyNewBlobs() throws Exception {
    assumeTrue(Files.isDirectory(BundleBuildIT.TEMURIN), "a JDK for EL7 (Temurin 25) is needed for the runtime");
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    key.writeTo(tmp.resolve("keys"));
    Path pub = tmp.resolve("keys/" + GeneratedKey.PUBLIC_FILE);
    Path web = addons("web", "10-web.yaml", WEB);
    Path monitoring = addons("monitoring", "20-node-exporter.yaml", EXPORTER);
    Path locks = Files.createDirectories(tmp.resolve("locks"));
    Path base = tmp.resolve("base/kubeferry-1.23.1-el7-amd64.tgz");
    Path delta = tmp.resolve("delta/kubeferry-1.23.1-el7-amd64-monitoring.tgz");
    try (LabUpstream up = LabUpstream.start(); LabYumRepos yum = LabYumRepos.start()) {
      List<String> common = common(up, yum);

      assertEquals(0, build(common, "--addons", web.toString(), "--locks", locks.toString(), "-o", base.toString()),
          err.toString());
      assertTrue(out.toString().contains(", 1 add-ons, "), out.toString());
      assertTrue(Files.readString(locks.resolve("images.lock")).contains(LabImages.NGINX), "pinned like the rest");

      // An image no upstream has: one line naming the add-on file, document and field.
      Path bad = addons("bad", "web.yaml", WEB.replace("nginx:1.25.3", "nginx:9.9.9"));
      assertEquals(1, build(common, "--addons", bad.toString(), "-o", tmp.resolve("bad/k.tgz").toString()));
      List<String> errors = errors();
      assertEquals(1, errors.size(), err.toString());
      String line = errors.get(0);
      assertTrue(line.startsWith("kubeferry: error: could not build: " + bad.resolve("web.yaml") + " document 2"
          + " (Deployment web) spec.template.spec.containers[0].image: "), line);
      assertTrue(line.contains("docker.io/library/nginx:9.9.9"), line);

      // A carried template naming an image outside the set.
      Path templates = copyTree(Path.of("../manifests").toAbsolutePath(), tmp.resolve("templates"));
      Path haproxy = templates.resolve("ha/haproxy.yaml");
      Files.writeString(haproxy, Files.readString(haproxy).replace("haproxy:2.8", "haproxy:9.9"));
      List<String> withTemplates = new ArrayList<>(common);
      withTemplates.set(withTemplates.indexOf("--templates") + 1, templates.toString());
      assertEquals(1, build(withTemplates, "-o", tmp.resolve("tpl/k.tgz").toString()));
      assertEquals(List.of("kubeferry: error: could not build: the bundle lacks 1 image(s) its manifests name:"
          + " docker.io/library/haproxy:9.9 (in manifests/ha/haproxy.yaml)"), errors());

      // A delta with only the new add-on: none of the base's blobs, its own (node-exporter's) only.
      assertEquals(0, build(common, "--addons", monitoring.toString(), "--base", base.toString(), "-o",
          delta.toString()), err.toString());
      assertTrue(out.toString().contains("delta on:    " + base.getFileName()), out.toString());

      // The add-on image moved upstream: --locked refuses before pulling anything.
      up.addonFixtures().repush(LabImages.NGINX, 1);
      assertEquals(1, build(common, "--addons", web.toString(), "--locks", locks.toString(), "--locked", "-o",
          tmp.resolve("drift/k.tgz").toString()));
      assertTrue(err.toString().contains("image drifted from the lock") && err.toString().contains(LabImages.NGINX),
          err.toString());
    }

    Set<String> baseBlobs = blobs(base);
    Set<String> deltaBlobs = blobs(delta);
    Set<String> shared = new TreeSet<>(deltaBlobs);
    shared.retainAll(baseBlobs);
    System.out.printf("AddonsBundleIT: base holds %d blobs, the delta %d, both %d%n", baseBlobs.size(),
        deltaBlobs.size(), shared.size());
    assertEquals(Set.of(), shared, "the delta holds no blob the base holds");
    assertTrue(deltaBlobs.size() >= 3, "node-exporter's index, manifest and config at least: " + deltaBlobs);
    assertTrue(entries(delta).contains("addons/20-node-exporter.yaml"));
    assertFalse(entries(delta).stream().anyMatch(e -> e.startsWith("repo/") || e.startsWith("installer/")),
        "packages and the installer are the base's");

    assertEquals(0, run(List.of("bundle", "inspect", base.toString(), "--key", pub.toString())), err.toString());
    assertTrue(out.toString().matches("(?s).*\n  addon +docker\\.io/library/nginx:1\\.25\\.3 .*"), out.toString());
    assertTrue(out.toString().contains("add-ons:     1 (applied in this order after the CNI)\n"
        + "  addons/10-web.yaml  docker.io/library/nginx:1.25.3\n"), out.toString());
    assertEquals(0, run(List.of("bundle", "verify", delta.toString(), "--key", pub.toString())), err.toString());
    assertTrue(out.toString().contains("  delta:              on " + base.getFileName()), out.toString());
    assertEquals(0, run(List.of("bundle", "inspect", delta.toString())), err.toString());
    assertTrue(out.toString().contains("delta:       on " + base.getFileName()), out.toString());

    // The install's verify phase: the real bundle passes, a delta alone is refused.
    Path inventory = inventory();
    assertEquals(0, install(base, pub, inventory, "verify"), out + err.toString());
    assertTrue(err.toString().contains("verification passed"), err.toString());
    assertEquals(1, install(delta, pub, inventory, "verify"), out + err.toString());
    assertTrue(err.toString().contains("it is a delta on " + base.getFileName()), err.toString());

    // The same bundle, validly signed, without the add-on's image: refused naming it, before any host.
    Path unpacked = tmp.resolve("unpacked");
    assertEquals(0, run(List.of("bundle", "verify", base.toString(), "--key", pub.toString(), "--extract",
        unpacked.toString())), err.toString());
    Path lacking = Rebundle.withoutImages(unpacked, Set.of(LabImages.NGINX),
        Signer.fromFile(tmp.resolve("keys/" + GeneratedKey.SECRET_FILE), null), tmp.resolve("lacking/k.tgz"));
    assertEquals(0, run(List.of("bundle", "verify", lacking.toString(), "--key", pub.toString())), err.toString());
    assertEquals(3, install(lacking, pub, inventory, "verify,preflight,prepare"), out + err.toString());
    assertTrue(err.toString().contains("kubeferry: error: local verify.bundle: could not verify bundle " + lacking
        + ": its signed contents disagree about images (1 problem): docker.io/library/nginx:1.25.3 is named by"
        + " addons/10-web.yaml document 2 (Deployment web) spec.template.spec.containers[0].image but is not a"
        + " bundle image"), err.toString());
    assertFalse(err.toString().contains("[cp1]"), "no step ran on the host: " + err);
    try (Stream<Path> logs = Files.list(Files.createDirectories(tmp.resolve("logs")))) {
      assertEquals(List.of(), logs.toList(), "no host was contacted");
    }
  }

  private List<String> common(LabUpstream up, LabYumRepos yum) throws Exception {
    List<String> common = new ArrayList<>(List.of("bundle", "build", "--k8s", "1.23.1", "--os", "el7", "--arch",
        "amd64", "--cni", "none", "--mirrors-only", "--no-default-repos", "--cache",
        tmp.resolve("image-cache").toString(), "--sign-key", tmp.resolve("keys/" + GeneratedKey.SECRET_FILE).toString(),
        "--jdk", BundleBuildIT.TEMURIN.toString(), "--installer-lib",
        Path.of("target/kubeferry/lib").toAbsolutePath().toString(), "--templates",
        Path.of("../manifests").toAbsolutePath().toString(), "--work", tmp.resolve("work").toString()));
    for (Map.Entry<String, URI> m : up.mirrors().entrySet()) {
      common.addAll(List.of("--mirror-map", m.getKey() + "=" + m.getValue().getAuthority(),
          "--insecure-registry", m.getValue().getAuthority()));
    }
    Path repoKey = Files.writeString(tmp.resolve("lab-repo.asc"), yum.gpgKey().publicKeyArmored());
    for (LabRepo r : LabRepo.values()) {
      String id = r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      common.addAll(List.of("--repo", id + "=" + yum.url(r), "--repo-key", id + "=" + repoKey));
    }
    return common;
  }

  /** One host on TEST-NET-1 (RFC 5737): nothing answers there, so any attempt to reach it would show. */
  private Path inventory() throws Exception {
    Files.writeString(tmp.resolve("known_hosts"), "");
    return Files.writeString(tmp.resolve("hosts.yaml"), """
        apiVersion: kubeferry.io/v1alpha1
        kind: Inventory
        defaults: {ssh: {user: kube, key: id_ed25519}}
        hosts:
          - {name: cp1, address: 192.0.2.10}
        roles: {control-plane: [cp1]}
        """);
  }

  private int install(Path bundle, Path pub, Path inventory, String phases) {
    return run(List.of("install", "--bundle", bundle.toString(), "--key", pub.toString(), "--inventory",
        inventory.toString(), "--topology", "single", "--phases", phases, "--state-dir", tmp.resolve("state")
        .toString(), "--log-dir", tmp.resolve("logs").toString(), "--known-hosts",
        tmp.resolve("known_hosts").toString()));
  }

  private static Set<String> blobs(Path tarball) throws Exception {
    Set<String> out = new TreeSet<>();
    entries(tarball).stream().filter(e -> e.startsWith("images/blobs/")).forEach(out::add);
    return out;
  }

  private static List<String> entries(Path tarball) throws Exception {
    Process p = new ProcessBuilder("tar", "tzf", tarball.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), listing);
    return listing.lines().toList();
  }

  private static Path copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }
}
