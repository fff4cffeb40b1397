package io.kubeferry.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.lab.node.LabNodeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** {@code lab up} with one node: state files a shell and a YAML reader accept, live endpoints, a clean stop. */
class UpLabIT {
  @TempDir Path state;

  @Test
  void startsWritesParseableStateFilesAndStopsCleanly() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    String container;
    try (UpLab lab = UpLab.start(state, 1, new PrintStream(progress, true, StandardCharsets.UTF_8))) {
      assertTrue(Files.exists(state.resolve("ready")));
      Map<String, String> env = sourced(state.resolve("lab.env"));
      assertEquals(lab.nodes().nodes().get(0).address(), env.get("KF_LAB_NODES"));
      assertEquals("node1", env.get("KF_LAB_NODE_NAMES"));
      assertTrue(Files.isRegularFile(Path.of(env.get("KF_LAB_SSH_KEY"))));
      assertTrue(Files.readString(Path.of(env.get("KF_LAB_KNOWN_HOSTS"))).startsWith("node1," + env.get("KF_LAB_NODES")));
      assertTrue(Files.readString(Path.of(env.get("KF_LAB_REPO_GPG_KEY"))).contains("BEGIN PGP PUBLIC KEY BLOCK"));
      String k8s = env.get("KF_LAB_K8S_REGISTRY");
      assertTrue(env.get("KF_LAB_MIRROR_MAP").contains("k8s.gcr.io=" + k8s), env.get("KF_LAB_MIRROR_MAP"));
      assertTrue(env.get("KF_LAB_INSECURE_REGISTRIES").startsWith(k8s + ","));
      // The lab's kubeferry home: its config maps the upstream registries and yum hosts onto the lab.
      String config = Files.readString(Path.of(env.get("KUBEFERRY_HOME"), "config.yaml"));
      assertTrue(config.contains("k8s.gcr.io=" + k8s), config);
      assertTrue(config.contains("https://download.docker.com/=http://"), config);
      String yumBase = env.get("KF_LAB_REPO_KUBERNETES").replace("kubernetes/", "");
      HttpResponse<String> viaUpstreamPath = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          yumBase + "download.docker.com/linux/centos/7/x86_64/stable/repodata/repomd.xml")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, viaUpstreamPath.statusCode(), "the lab answers at docker-ce's upstream path");

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> v2 = http.send(HttpRequest.newBuilder(URI.create("http://" + k8s + "/v2/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(401, v2.statusCode(), "the k8s.gcr.io stand-in runs the token flow");
      assertTrue(v2.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="));
      HttpResponse<String> repomd = http.send(HttpRequest.newBuilder(
          URI.create(env.get("KF_LAB_REPO_KUBERNETES") + "repodata/repomd.xml")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, repomd.statusCode());
      try (Socket ssh = new Socket()) {
        ssh.connect(new InetSocketAddress(env.get("KF_LAB_NODES"), 22), 5000);
        assertTrue(new String(ssh.getInputStream().readNBytes(4), StandardCharsets.US_ASCII).equals("SSH-"));
      }

      Map<?, ?> inv = (Map<?, ?>) new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
          .loadFromString(Files.readString(state.resolve("hosts.yaml")));
      assertEquals("kubeferry.io/v1alpha1", inv.get("apiVersion"));
      assertEquals("Inventory", inv.get("kind"));
      List<?> hosts = (List<?>) inv.get("hosts");
      assertEquals(1, hosts.size());
      assertEquals(Map.of("name", "node1", "address", env.get("KF_LAB_NODES"), "ssh", Map.of("user", "root")),
          hosts.get(0));
      assertEquals(env.get("KF_LAB_SSH_KEY"), ((Map<?, ?>) ((Map<?, ?>) inv.get("defaults")).get("ssh")).get("key"));
      assertEquals(List.of("node1"), ((Map<?, ?>) inv.get("roles")).get("control-plane"));
      container = lab.nodes().nodes().get(0).containerName();
      assertTrue(progress.toString(StandardCharsets.UTF_8).contains("1 node(s) ready"));

      lab.close();
      assertFalse(Files.exists(state.resolve("ready")), "ready is withdrawn first");
      assertThrows(LabNodeException.class, () -> lab.nodes().nodes().get(0).exec("true"), "container removed");
      String left = docker("ps", "-a", "-q", "--filter", "name=" + container);
      assertTrue(left.isBlank(), "container " + container + " left behind: " + left);
    }
  }

  /** Sources the file in a real bash and reads back every KF_LAB_ and KUBEFERRY_ variable. */
  private static Map<String, String> sourced(Path env) throws Exception {
    Process p = new ProcessBuilder("bash", "-euc", "set -a; . \"$1\"; env -0", "bash", env.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    Map<String, String> vars = new LinkedHashMap<>();
    for (String kv : out.split("\0")) {
      int eq = kv.indexOf('=');
      if ((kv.startsWith("KF_LAB_") || kv.startsWith("KUBEFERRY_")) && eq > 0) {
        vars.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return vars;
  }

  private static String docker(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
