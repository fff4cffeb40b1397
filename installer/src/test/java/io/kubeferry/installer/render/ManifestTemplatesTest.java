package io.kubeferry.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.template.ClusterManifests;
import io.kubeferry.core.template.ManifestImages;
import io.kubeferry.core.template.Template;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.inventory.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates under manifests/ as files: syntax, documentation, quoting, and what a broken one does. */
class ManifestTemplatesTest {
  private static final Path DIR = Path.of("..", "manifests");
  /** A bare placeholder: no filter. In YAML it must sit inside double quotes (a token like "no" or "1e3" is typed). */
  private static final Pattern BARE = Pattern.compile("(.)?\\{\\{\\s*(\\w+)\\s*}}(.)?");

  private static List<Path> templates() throws Exception {
    try (Stream<Path> s = Files.walk(DIR)) {
      return s.filter(p -> p.toString().endsWith(".tmpl")).sorted().toList();
    }
  }

  @Test
  void everyTemplateParsesAndEveryNameIsDocumented() throws Exception {
    String readme = Files.readString(DIR.resolve("README.md"), StandardCharsets.UTF_8);
    Set<String> undocumented = new TreeSet<>();
    for (Path t : templates()) {
      for (String name : Template.parse(t.toString(), Files.readString(t)).names()) {
        if (!readme.contains("`" + name + "`")) {
          undocumented.add(name + " (" + DIR.relativize(t) + ")");
        }
      }
    }
    assertEquals(Set.of(), undocumented, "document these in manifests/README.md");
  }

  @Test
  void yamlTemplatesQuoteEveryBarePlaceholder() throws Exception {
    for (Path t : templates()) {
      if (!t.toString().endsWith(".yaml.tmpl")) {
        continue;
      }
      for (String line : Files.readAllLines(t)) {
        Matcher m = BARE.matcher(line);
        while (m.find()) {
          boolean quoted = "\"".equals(m.group(1)) && "\"".equals(m.group(3));
          assertTrue(quoted || line.trim().startsWith("#"), t + ": {{ " + m.group(2) + " }} outside double quotes");
        }
      }
    }
  }

  @Test
  void imageBearingTemplatesAreKubernetesManifestsBeforeRendering() throws Exception {
    // The bundler scans them as they are shipped, before any value is known.
    for (String pod : List.of(ClusterManifests.KUBE_VIP_POD, ClusterManifests.HAPROXY_POD,
        ClusterManifests.KEEPALIVED_POD)) {
      assertEquals(1, ManifestImages.scan(pod, Files.readString(DIR.resolve(pod))).size(), pod);
    }
  }

  @Test
  void aTemplateWithAnUnknownPlaceholderFailsNamingFileAndLine(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("manifests");
    try (Stream<Path> s = Files.walk(DIR)) {
      for (Path p : s.toList()) {
        Path to = copy.resolve(DIR.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path template = copy.resolve("kubeadm/v1beta3.yaml.tmpl");
    Files.writeString(template, Files.readString(template).replace("podSubnet: \"{{ podSubnet }}\"",
        "podSubnet: \"{{ podSubnet }}\"\n  dnsDomain: \"{{ clusterDomain }}\""));
    ClusterModel c = ModelFactory.cluster(ExampleCluster.inventory(Topology.SINGLE, "containerd"),
        new ClusterInputs(KubernetesVersion.parse("1.28.15"),
            ExampleCluster.components(KubernetesVersion.parse("1.28.15"), "none"), ExampleCluster.REGISTRY,
            ExampleCluster.SECRETS, ExampleCluster.machines(ExampleCluster.inventory(Topology.SINGLE, "containerd")),
            true));
    RenderException e = assertThrows(RenderException.class, () -> new KubeadmConfigRenderer(new ManifestsDir(copy))
        .render(c, new NodeModel("w1", "10.0.0.21", Set.of(Role.WORKER), NodeFacts.machine("eth0"))));
    assertEquals("could not render manifests/kubeadm/v1beta3.yaml.tmpl: line 33: unknown placeholder "
        + "'clusterDomain' (not among the values given)", e.getMessage());
  }
}
