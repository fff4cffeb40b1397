package io.kubeferry.bundler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.template.ImageReference;
import io.kubeferry.lab.registry.LabAddons;
import io.kubeferry.lab.registry.LabImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An add-ons directory: YAML files in path order, every image of every workload kind, strict about the rest. */
class AddonFilesTest {
  @TempDir Path dir;

  /** A CronJob (job template) whose init container's image is pinned by digest alone. */
  static final String BACKUP = """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: backup}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                - {name: b, image: registry.example:5000/tools/backup@sha256:%s}
      """.formatted("ab".repeat(32));

  @Test
  void everyImageOfEveryFileInPathOrder() throws Exception {
    Files.writeString(Files.createDirectories(dir.resolve("20-monitoring")).resolve("exporter.yml"),
        LabAddons.NODE_EXPORTER + "---\n" + BACKUP);
    Files.writeString(dir.resolve("10-web.yaml"), LabAddons.WEB);
    Files.writeString(dir.resolve(".hidden.yaml"), "not: read\n");
    List<AddonFile> files = AddonFiles.scan(dir);
    assertEquals(List.of("10-web.yaml", "20-monitoring/exporter.yml"), files.stream().map(AddonFile::path).toList());
    assertEquals("addons/20-monitoring/exporter.yml", files.get(1).bundlePath());
    assertEquals(List.of(LabImages.NGINX), files.get(0).images().stream().map(r -> r.ref().toString()).toList());
    assertEquals(LabImages.NODE_EXPORTER, files.get(1).images().get(0).ref().toString());
    ImageReference backup = files.get(1).images().get(1);
    assertEquals("registry.example:5000/tools/backup@sha256:" + "ab".repeat(32), backup.ref().toString());
    assertEquals(dir.resolve("20-monitoring/exporter.yml") + " document 2 (CronJob backup)"
        + " spec.jobTemplate.spec.template.spec.initContainers[0].image", backup.where());
  }

  @Test
  void anInvalidImageNamesFileDocumentAndField() throws Exception {
    Files.writeString(dir.resolve("web.yaml"), LabAddons.WEB.replace("nginx:1.25.3", "Nginx:1.25.3"));
    IOException e = assertThrows(IOException.class, () -> AddonFiles.scan(dir));
    assertTrue(e.getMessage().startsWith("could not read images of " + dir.resolve("web.yaml") + ": document 2"
        + " (Deployment web) spec.template.spec.containers[0].image: "), e.getMessage());
  }

  @Test
  void anotherKindOfFileOrNoManifestIsRefused() throws Exception {
    IOException empty = assertThrows(IOException.class, () -> AddonFiles.scan(dir));
    assertEquals("could not read add-ons: " + dir + " holds no .yaml, .yml or .json file", empty.getMessage());
    Files.writeString(dir.resolve("web.yaml"), LabAddons.WEB);
    Files.writeString(dir.resolve("README.md"), "# notes\n");
    IOException other = assertThrows(IOException.class, () -> AddonFiles.scan(dir));
    assertTrue(other.getMessage().contains(dir.resolve("README.md") + " is not a Kubernetes manifest"),
        other.getMessage());
  }
}
