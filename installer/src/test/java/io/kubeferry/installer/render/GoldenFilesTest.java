package io.kubeferry.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every golden case and compares it with its file under src/test/resources/golden. A missing file fails;
 * {@code -Dgolden.update=true} (re)writes the files instead of comparing, and deletes files of no case.
 */
class GoldenFilesTest {
  static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final GoldenRender RENDER = new GoldenRender();

  static List<GoldenCase> cases() {
    return GoldenCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsTheGoldenFile(GoldenCase g) throws Exception {
    String actual = RENDER.render(g);
    Path file = DIR.resolve(g.file());
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("missing golden file " + file + " (write it with -Dgolden.update=true and review it)");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "rendering differs from " + file
        + " (if the change is intended, regenerate with -Dgolden.update=true and review the diff)");
  }

  @Test
  void everyGoldenFileBelongsToACase() throws Exception {
    Set<String> expected = cases().stream().map(GoldenCase::file).collect(Collectors.toCollection(TreeSet::new));
    Set<String> present;
    Files.createDirectories(DIR);
    try (Stream<Path> s = Files.walk(DIR)) {
      present = s.filter(Files::isRegularFile).map(p -> DIR.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    present.removeAll(expected);
    if (UPDATE) {
      for (String stale : present) {
        Files.delete(DIR.resolve(stale));
      }
      return;
    }
    assertEquals(Set.of(), present, "golden files of no case (delete them or regenerate with -Dgolden.update=true)");
  }

  /** The matrix is what ADR 0009 promises: 15 versions, 3 topologies, docker only up to 1.23, 6 extras. */
  @Test
  void theMatrix() {
    long docker = cases().stream().filter(c -> !c.file().startsWith("extra/") && c.runtime().equals("docker")).count();
    long containerd = cases().stream().filter(c -> !c.file().startsWith("extra/") && c.runtime().equals("containerd"))
        .count();
    assertEquals(7 * 3, docker);
    assertEquals(15 * 3, containerd);
    assertTrue(cases().stream().allMatch(c -> c.runtime().equals("containerd") || c.version().minor() <= 23));
  }

  @AfterAll
  static void everyTemplateWasRendered() throws Exception {
    Set<String> sources = RENDER.rendered().stream().map(RenderedFile::source).collect(Collectors.toSet());
    if (sources.isEmpty()) {
      return; // a run that selected no golden case
    }
    Path manifests = Path.of("..", "manifests");
    try (Stream<Path> s = Files.walk(manifests)) {
      List<String> templates = s.filter(p -> p.toString().endsWith(".tmpl"))
          .map(p -> "manifests/" + manifests.relativize(p).toString().replace('\\', '/')).sorted().toList();
      for (String t : templates) {
        assertTrue(sources.contains(t), t + " is rendered by no golden case: give it one, so an unknown placeholder"
            + " in it fails the build");
      }
    }
  }
}
