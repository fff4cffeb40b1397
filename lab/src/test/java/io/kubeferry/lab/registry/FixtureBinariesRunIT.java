package io.kubeferry.lab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The amd64 registry and etcd fixtures really run: loaded into the local Docker engine and started. */
class FixtureBinariesRunIT {
  @Test
  void registryAndEtcdImagesRunTheirRealBinaries() throws Exception {
    String name = "kubeferry-lab-fixture-" + UUID.randomUUID().toString().substring(0, 8);
    try (LabRegistry reg = LabRegistry.start(Mode.ANONYMOUS)) {
      Map<String, PushedImage> pushed = LabImages.k8s1231().pushAll(reg, reg);
      Map<String, List<String>> runs = Map.of(
          "docker.io/library/registry:2", List.of("/bin/registry", "--version"),
          "k8s.gcr.io/etcd:3.5.1-0", List.of("/usr/local/bin/etcd", "--version"));
      for (var e : runs.entrySet()) {
        String image = name + ":" + pushed.get(e.getKey()).image().shortName();
        Skopeo.ok("copy", "--src-tls-verify=false", "--override-arch", "amd64",
            "docker://" + pushed.get(e.getKey()).labReference(), "docker-daemon:" + image);
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "run", "--rm", "--network", "none",
            "--entrypoint", e.getValue().get(0), image));
        cmd.addAll(e.getValue().subList(1, e.getValue().size()));
        String out = run(cmd);
        assertTrue(out.contains("2.8.2") || out.contains("etcd Version"), e.getKey() + ": " + out);
      }
    } finally {
      for (String tag : List.of("registry", "etcd")) {
        new ProcessBuilder("docker", "rmi", "-f", name + ":" + tag).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
    assertEquals(0, p.exitValue(), cmd + ": " + out);
    return out;
  }
}
