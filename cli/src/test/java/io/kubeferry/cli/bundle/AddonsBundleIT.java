package io.kubeferry.cli.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.Signer;
import io.kubeferry.lab.registry.LabAddons;
import io.kubeferry.lab.registry.LabImages;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabYumRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  @TempDir Path tmp;
  private final LabBuild cli = new LabBuild();

  private int run(List<String> args) {
    return cli.run(args);
  }

  private int build(List<String> common, String... more) {
    List<String> a = new ArrayList<>(common);
    a.addAll(List.of(more));
    return run(a);
  }

  /** The error lines of the last run (stderr also carries progress). */
  private List<String> errors() {
    return cli.err().lines().filter(l -> l.startsWith("kubeferry: error: ")).toList();
  }

  private Path addons(String name, String file, String yaml) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve(file), yaml);
    return dir;
  }

  @Test
  void addOnsAreCarriedCheckedAtBuildAndAtInstallAndADeltaHoldsOnlyNewBlobs() throws Exception {
    assumeTrue(Files.isDirectory(LabBuild.TEMURIN), "a JDK for EL7 (Temurin 25) is needed for the runtime");
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519));
    key.writeTo(tmp.resolve("keys"));
    Path pub = tmp.resolve("keys/" + GeneratedKey.PUBLIC_FILE);
    Path web = addons("web", "10-web.yaml", LabAddons.WEB);
    Path monitoring = addons("monitoring", "20-node-exporter.yaml", LabAddons.NODE_EXPORTER);
    Path locks = Files.createDirectories(tmp.resolve("locks"));
    Path base = tmp.resolve("base/kubeferry-1.23.1-el7-amd64.tgz");
    Path delta = tmp.resolve("delta/kubeferry-1.23.1-el7-amd64-monitoring.tgz");
    try (LabUpstream up = LabUpstream.start(); LabYumRepos yum = LabYumRepos.start()) {
      List<String> common = LabBuild.buildArgs(tmp, up, yum);

      assertEquals(0, build(common, "--addons", web.toString(), "--locks", locks.toString(), "-o", base.toString()),
          cli.err());
      assertTrue(cli.out().contains(", 1 add-ons, "), cli.out());
      assertTrue(Files.readString(locks.resolve("images.lock")).contains(LabImages.NGINX), "pinned like the rest");

      // An image no upstream has: one line naming the add-on file, document and field.
      Path bad = addons("bad", "web.yaml", LabAddons.WEB.replace("nginx:1.25.3", "nginx:9.9.9"));
      assertEquals(1, build(common, "--addons", bad.toString(), "-o", tmp.resolve("bad/k.tgz").toString()));
      List<String> errors = errors();
      assertEquals(1, errors.size(), cli.err());
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
          delta.toString()), cli.err());
      assertTrue(cli.out().contains("delta on:    " + base.getFileName()), cli.out());

      // The add-on image moved upstream: --locked refuses before pulling anything.
      up.addonFixtures().repush(LabImages.NGINX, 1);
      assertEquals(1, build(common, "--addons", web.toString(), "--locks", locks.toString(), "--locked", "-o",
          tmp.resolve("drift/k.tgz").toString()));
      assertTrue(cli.err().contains("image drifted from the lock") && cli.err().contains(LabImages.NGINX),
          cli.err());
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

    assertEquals(0, run(List.of("bundle", "inspect", base.toString(), "--key", pub.toString())), cli.err());
    assertTrue(cli.out().matches("(?s).*\n  addon +docker\\.io/library/nginx:1\\.25\\.3 .*"), cli.out());
    assertTrue(cli.out().contains("add-ons:     1 (applied in this order after the CNI)\n"
        + "  addons/10-web.yaml  docker.io/library/nginx:1.25.3\n"), cli.out());
    assertEquals(0, run(List.of("bundle", "verify", delta.toString(), "--key", pub.toString())), cli.err());
    assertTrue(cli.out().contains("  delta:              on " + base.getFileName()), cli.out());
    assertEquals(0, run(List.of("bundle", "inspect", delta.toString())), cli.err());
    assertTrue(cli.out().contains("delta:       on " + base.getFileName()), cli.out());

    // The install's verify phase: the real bundle passes, a delta alone is refused.
    Path inventory = inventory();
    assertEquals(0, install(base, pub, inventory, "verify"), cli.out() + cli.err());
    assertTrue(cli.err().contains("verification passed"), cli.err());
    assertEquals(1, install(delta, pub, inventory, "verify"), cli.out() + cli.err());
    assertTrue(cli.err().contains("it is a delta on " + base.getFileName()), cli.err());

    // The same bundle, validly signed, without the add-on's image: refused naming it, before any host.
    Path unpacked = tmp.resolve("unpacked");
    assertEquals(0, run(List.of("bundle", "verify", base.toString(), "--key", pub.toString(), "--extract",
        unpacked.toString())), cli.err());
    Path lacking = Rebundle.withoutImages(unpacked, Set.of(LabImages.NGINX),
        Signer.fromFile(tmp.resolve("keys/" + GeneratedKey.SECRET_FILE), null), tmp.resolve("lacking/k.tgz"));
    assertEquals(0, run(List.of("bundle", "verify", lacking.toString(), "--key", pub.toString())), cli.err());
    assertEquals(3, install(lacking, pub, inventory, "verify,preflight,prepare"), cli.out() + cli.err());
    assertTrue(cli.err().contains("kubeferry: error: local verify.bundle: could not verify bundle " + lacking
        + ": its signed contents disagree about images (1 problem): docker.io/library/nginx:1.25.3 is named by"
        + " addons/10-web.yaml document 2 (Deployment web) spec.template.spec.containers[0].image but is not a"
        + " bundle image"), cli.err());
    assertFalse(cli.err().contains("[cp1]"), "no step ran on the host: " + cli.err());
    try (Stream<Path> logs = Files.list(Files.createDirectories(tmp.resolve("logs")))) {
      assertEquals(List.of(), logs.toList(), "no host was contacted");
    }
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
