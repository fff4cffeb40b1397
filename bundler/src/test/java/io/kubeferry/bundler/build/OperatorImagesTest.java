package io.kubeferry.bundler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.ImagePullException;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.oci.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's images join the set once each, keep a cluster image's role, and remember where they were named. */
class OperatorImagesTest {
  @TempDir Path dir;

  private OperatorImages operator() throws Exception {
    Path addons = Files.createDirectories(dir.resolve("addons"));
    Files.writeString(addons.resolve("web.yaml"), io.kubeferry.lab.registry.LabAddons.WEB);
    Path list = Files.writeString(dir.resolve("images.txt"), """
        # extra tools
        docker.io/library/registry:2   # already the registry image
        nginx:1.25.3
        """);
    return OperatorImages.read(addons, List.of(RequestedImage.list(list).get(0), RequestedImage.list(list).get(1),
        RequestedImage.option("quay.io/prometheus/node-exporter:v1.7.0")));
  }

  @Test
  void operatorImagesFollowTheClusterOnceEachWithRoleAddon() throws Exception {
    List<CatalogImage> cluster = List.of(new CatalogImage(ImageRole.PAUSE, ImageRef.parse("k8s.gcr.io/pause:3.6")),
        new CatalogImage(ImageRole.REGISTRY, ImageRef.parse("registry:2")));
    List<CatalogImage> all = operator().addTo(cluster);
    assertEquals(List.of("pause k8s.gcr.io/pause:3.6", "registry docker.io/library/registry:2",
        "addon docker.io/library/nginx:1.25.3",
        "addon quay.io/prometheus/node-exporter:v1.7.0"), all.stream().map(c -> c.role() + " " + c.ref()).toList());
  }

  @Test
  void eachImageRemembersWhereItWasNamed() throws Exception {
    Map<String, List<String>> origins = operator().origins();
    assertEquals(List.of(dir.resolve("addons/web.yaml") + " document 2 (Deployment web)"
        + " spec.template.spec.containers[0].image", dir.resolve("images.txt") + " line 3"),
        origins.get("docker.io/library/nginx:1.25.3"));
    assertEquals(List.of("--image"), origins.get("quay.io/prometheus/node-exporter:v1.7.0"));
    assertEquals(List.of(new TemplateEntry("addons/web.yaml", List.of("docker.io/library/nginx:1.25.3"))),
        operator().entries());
  }

  @Test
  void aBadLineOfAnImageListIsNamed() throws Exception {
    Path list = Files.writeString(dir.resolve("images.txt"), "nginx:1.25.3\n\nnot a reference\n");
    IOException e = assertThrows(IOException.class, () -> RequestedImage.list(list));
    assertTrue(e.getMessage().startsWith("could not read image list: " + list + " line 3: "), e.getMessage());
  }

  @Test
  void aPullFailureOfAnAddOnImageNamesTheFileAndField() throws Exception {
    RegistryException missing = new RegistryException(RegistryException.Kind.NOT_FOUND,
        "docker.io/library/nginx:1.25.3", "could not pull: manifest unknown");
    ImagePullException e = OperatorImageFailures.located(new ImagePullException("could not pull 1 of 9 images: x",
        List.of(missing)), operator());
    assertEquals("could not build: " + dir.resolve("addons/web.yaml") + " document 2 (Deployment web)"
        + " spec.template.spec.containers[0].image, " + dir.resolve("images.txt") + " line 3: could not pull:"
        + " manifest unknown (image docker.io/library/nginx:1.25.3)", e.getMessage());
    assertEquals(List.of(missing), e.failures());
  }
}
