package io.kubeferry.bundler.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The repo's manifests/ templates: placeholders documented, YAML valid once filled, images marked and canonical. */
class TemplatesTest {
  static final Path DIR = Path.of("..", "manifests");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{ (\\w+) }}");
  static final Pattern IMAGE = Pattern.compile("image: (\\S+) # kubeferry:image");

  static List<Path> files() throws Exception {
    try (Stream<Path> s = Files.walk(DIR)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.endsWith("README.md")).sorted().toList();
    }
  }

  @Test
  void everyPlaceholderIsDocumented() throws Exception {
    String readme = Files.readString(DIR.resolve("README.md"));
    TreeSet<String> undocumented = new TreeSet<>();
    for (Path f : files()) {
      Matcher m = PLACEHOLDER.matcher(Files.readString(f));
      while (m.find()) {
        if (!readme.contains("`" + m.group(1) + "`")) {
          undocumented.add(m.group(1) + " (" + f + ")");
        }
      }
    }
    assertEquals(new TreeSet<>(), undocumented);
  }

  @Test
  void yamlTemplatesParseOnceFilled() throws Exception {
    for (Path f : files()) {
      if (!f.toString().endsWith(".yaml")) {
        continue;
      }
      String filled = PLACEHOLDER.matcher(Files.readString(f)).replaceAll(r -> switch (r.group(1)) {
        case "certSANs", "etcdEndpoints" -> "[\"10.0.0.1\"]";
        default -> "x";
      });
      int docs = 0;
      for (Object doc : new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadAllFromString(filled)) {
        assertTrue(doc instanceof Map<?, ?> m && m.containsKey("apiVersion") && m.containsKey("kind"), f.toString());
        docs++;
      }
      assertTrue(docs > 0, f.toString());
    }
  }

  @Test
  void imagesAreMarkedAndFullyQualified() throws Exception {
    int images = 0;
    for (Path f : files()) {
      for (String line : Files.readAllLines(f)) {
        if (line.trim().startsWith("image:")) {
          Matcher m = IMAGE.matcher(line.trim());
          assertTrue(m.matches(), "unmarked image in " + f + ": " + line);
          assertTrue(m.group(1).matches("[a-z0-9.-]+\\.[a-z]+/[a-z0-9/._-]+:[A-Za-z0-9._-]+"),
              "not a canonical ref: " + m.group(1));
          assertFalse(m.group(1).contains("{{"), line);
          images++;
        }
      }
    }
    assertTrue(images >= 6, "calico, keepalived and haproxy images expected, found " + images);
  }
}
