package io.kubeferry.core.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
