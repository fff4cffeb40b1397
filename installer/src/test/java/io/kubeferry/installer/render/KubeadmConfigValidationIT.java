package io.kubeferry.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds every rendered Kubernetes 1.23 (v1beta3) kubeadm configuration to the real kubeadm 1.23: {@code config
 * migrate} decodes, defaults and validates init and join configurations offline, and {@code config images list}
 * accepts every init configuration and, for the binary's own release, names exactly the images {@link ImageNaming}
 * puts in the registry (a kubeadm knows the etcd tag of its own release only). Init configurations are validated in
 * full; kubeadm 1.23 checks join configurations only as far as decoding (strict fields, types, token format) offline. CI always has the binary (built into
 * {@value #KUBEADM} by the components build); elsewhere the test is skipped, saying so.
 */
class KubeadmConfigValidationIT {
  static final Path KUBEADM = Path.of("/var/lib/kubeferry/components/bin/kubeadm");

  /** The binary's own release: only its configurations name exactly its images (etcd moves between patches). */
  private static KubernetesVersion binary;

  @BeforeAll
  static void kubeadm123() throws Exception {
    assumeTrue(Files.isExecutable(KUBEADM), "no kubeadm binary at " + KUBEADM + " (the components build puts kubeadm"
        + " 1.23 there; CI has it)");
    String version = run(List.of(KUBEADM.toString(), "version", "-o", "short")).out().strip();
    assertTrue(version.startsWith("v1.23."), "expected kubeadm 1.23, found " + version);
    binary = KubernetesVersion.parse(version);
  }

  @Test
  void everyRendered123ConfigurationIsAcceptedAndNamesOurImages(@TempDir Path tmp) throws Exception {
    KubeadmConfigRenderer renderer = new KubeadmConfigRenderer(ExampleCluster.MANIFESTS);
    int checked = 0;
    for (String version : List.of("1.23.1", "1.23.17")) {
      KubernetesVersion v = KubernetesVersion.parse(version);
      for (Topology t : Topology.values()) {
        for (String runtime : List.of("docker", "containerd")) {
          Inventory inv = ExampleCluster.inventory(t, runtime);
          ClusterInputs in = new ClusterInputs(v, ExampleCluster.components(v, "haproxy-keepalived"),
              ExampleCluster.REGISTRY, ExampleCluster.SECRETS, ExampleCluster.machines(inv), true);
          ClusterModel c = ModelFactory.cluster(inv, in);
          for (String host : List.of("cp1", "cp2", "w1")) {
            if (inv.host(host).isEmpty()) {
              continue;
            }
            Path file = tmp.resolve(version + "-" + t.key() + "-" + runtime + "-" + host + ".yaml");
            Files.writeString(file, renderer.render(c, ModelFactory.node(inv, in, host)).content(),
                StandardCharsets.UTF_8);
            String migrate = run(List.of(KUBEADM.toString(), "config", "migrate", "--old-config", file.toString(),
                "--new-config", "/dev/null")).err();
            // kubeadm only warns about an unknown or duplicate field (strict decoding): that is a failure here.
            assertTrue(!migrate.contains("error unmarshaling") && !migrate.contains("unknown field"),
                file.getFileName() + ": " + migrate);
            if (host.equals("cp1")) {
              List<String> listed = run(List.of(KUBEADM.toString(), "config", "images", "list", "--config",
                  file.toString())).out().lines().toList();
              if (v.equals(binary)) {
                assertEquals(expectedImages(c), listed, file.getFileName().toString());
              }
            }
            checked++;
          }
        }
      }
    }
    assertEquals(2 * 2 * (2 + 3 + 3), checked);
  }

  /** kubeadm's order: control plane, pause, etcd (stacked only), CoreDNS. */
  private static List<String> expectedImages(ClusterModel c) {
    String reg = c.components().kubeadmRegistry();
    List<String> images = new ArrayList<>();
    for (String cp : List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
      images.add(name(c, reg + "/" + cp + ":" + c.version().tag(), ImageRole.CONTROL_PLANE));
    }
    images.add(name(c, reg + "/pause:" + c.components().pause(), ImageRole.PAUSE));
    if (c.etcdMembers().isEmpty()) {
      images.add(name(c, reg + "/etcd:" + c.components().etcd(), ImageRole.ETCD));
    }
    images.add(name(c, reg + "/coredns/coredns:" + c.components().coredns(), ImageRole.COREDNS));
    return images;
  }

  private static String name(ClusterModel c, String upstream, ImageRole role) {
    return ImageNaming.at(c.registry().location(), ImageNaming.primary(ImageRef.parse(upstream), role, c.version()));
  }

  private record Output(String out, String err) {}

  /** Runs {@code command}, fails with its output unless it exits 0 within a minute. */
  private static Output run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8)
        + new String(err, StandardCharsets.UTF_8));
    return new Output(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }
}
