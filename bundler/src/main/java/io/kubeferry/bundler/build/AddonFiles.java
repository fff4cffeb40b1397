package io.kubeferry.bundler.build;

import io.kubeferry.core.template.ManifestException;
import io.kubeferry.core.template.ManifestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an add-ons directory: every {@code .yaml}, {@code .yml} or {@code .json} file under it (hidden ones
 * skipped), sorted by relative path, which is also the order the installer applies them in; each scanned with core's
 * YAML-aware {@link ManifestImages}, so every container, init and ephemeral container of every workload kind is
 * found. Any other file is refused rather than silently left behind. Stateless.
 */
public final class AddonFiles {
  private AddonFiles() {}

  /**
   * @throws IOException when the directory is missing, holds no manifest or a file of another kind, or a manifest
   *     is not valid YAML or names an invalid image (naming the file, document and field)
   */
  public static List<AddonFile> scan(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "could not read add-ons: not a directory");
    }
    List<String> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !hidden(p))
          .sorted()
          .toList();
    }
    List<AddonFile> out = new ArrayList<>();
    for (String path : paths) {
      Path file = dir.resolve(path);
      if (!isManifest(path)) {
        throw new IOException("could not read add-ons: " + file + " is not a Kubernetes manifest (.yaml, .yml or"
            + " .json); move it out of " + dir);
      }
      try {
        out.add(new AddonFile(path, file, ManifestImages.scan(file.toString(),
            Files.readString(file, StandardCharsets.UTF_8))));
      } catch (ManifestException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new IOException("could not read add-ons: " + dir + " holds no .yaml, .yml or .json file");
    }
    return out;
  }

  private static boolean hidden(String path) {
    return path.startsWith(".") || path.contains("/.");
  }

  private static boolean isManifest(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json");
  }
}
