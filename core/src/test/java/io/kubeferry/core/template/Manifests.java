package io.kubeferry.core.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's manifests/ directory and the real manifests the tests read. */
final class Manifests {
  static final Path DIR = Path.of("..", "manifests");

  private Manifests() {}

  /** A file under manifests/. */
  static String read(String path) {
    try {
      return Files.readString(DIR.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture next to this class (see its README.md). */
  static String resource(String name) {
    try (InputStream in = Manifests.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of {@code after} that differ from {@code before}'s; both must have as many lines. */
  static List<String> changedLines(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    if (a.length != b.length) {
      throw new AssertionError("line count changed from " + a.length + " to " + b.length);
    }
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        changed.add(b[i]);
      }
    }
    return changed;
  }
}
