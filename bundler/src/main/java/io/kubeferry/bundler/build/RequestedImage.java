package io.kubeferry.bundler.build;

import io.kubeferry.core.ImageRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An image the operator asked for by name ({@code --image REF}, or a line of {@code --images FILE}) and where it
 * was named, so a failure can point there.
 *
 * @param ref the reference, by tag or digest
 * @param origin {@code --image} or {@code FILE line N}
 */
public record RequestedImage(ImageRef ref, String origin) {
  public RequestedImage {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code --image REF}. */
  public static RequestedImage option(String ref) {
    try {
      return new RequestedImage(ImageRef.parse(ref.strip()), "--image");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("could not read --image: " + e.getMessage());
    }
  }

  /**
   * An image list: one reference a line, by tag or digest; blank lines and everything from {@code #} on are
   * ignored.
   *
   * @throws IOException when the file cannot be read or a line is not a reference (naming file and line)
   */
  public static List<RequestedImage> list(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<RequestedImage> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String ref = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (ref.isEmpty()) {
        continue;
      }
      String origin = file + " line " + (i + 1);
      try {
        out.add(new RequestedImage(ImageRef.parse(ref), origin));
      } catch (IllegalArgumentException e) {
        throw new IOException("could not read image list: " + origin + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
