package io.kubeferry.lab.node;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The name of the lab node image that {@code scripts/setup-test-env} builds: {@code kubeferry-lab-node:<tag>},
 * where the tag is the first 12 hex digits of a SHA-256 over the recipe, every file under
 * {@code scripts/lab-node/}. The script and this class compute the same hash, so editing the recipe without
 * re-running the script is noticed ("image missing") instead of silently testing an old image.
 *
 * @param tag the 12-hex-digit recipe hash
 */
public record LabNodeImage(String tag) {
  /** Repository part of the image name. */
  public static final String REPOSITORY = "kubeferry-lab-node";
  /** Where {@code scripts/setup-test-env} records the image it built, for use outside a checkout. */
  public static final Path STATE_FILE = Path.of("/var/lib/kubeferry/lab-node-image");
  static final Path RECIPE = Path.of("scripts", "lab-node");

  public LabNodeImage {
    if (tag == null || !tag.matches("[0-9a-f]{12}")) {
      throw new IllegalArgumentException("not a lab node image tag (12 hex digits): " + tag);
    }
  }

  /** @return the full image name, {@code kubeferry-lab-node:<tag>} */
  public String name() {
    return REPOSITORY + ":" + tag;
  }

  /**
   * The image the current checkout expects: the recipe hash when a {@code scripts/lab-node} directory is found
   * in the working directory or one of its parents (module tests run in the module directory), else the name
   * recorded in {@link #STATE_FILE}.
   *
   * @throws LabNodeException when neither is available
   */
  public static LabNodeImage expected() {
    Path dir = Path.of("").toAbsolutePath();
    for (; dir != null; dir = dir.getParent()) {
      Path recipe = dir.resolve(RECIPE);
      if (Files.isRegularFile(recipe.resolve("packages"))) {
        return new LabNodeImage(recipeHash(recipe));
      }
    }
    try {
      String recorded = Files.readString(STATE_FILE, StandardCharsets.UTF_8).strip();
      if (!recorded.startsWith(REPOSITORY + ":")) {
        throw new LabNodeException("could not read the lab node image name: unexpected content \""
            + recorded + "\" (input " + STATE_FILE + ")");
      }
      return new LabNodeImage(recorded.substring(REPOSITORY.length() + 1));
    } catch (IOException e) {
      throw new LabNodeException("could not find the lab node image: no scripts/lab-node above "
          + Path.of("").toAbsolutePath() + " and no " + STATE_FILE + ": run scripts/setup-test-env", e);
    }
  }

  /**
   * Hash of a recipe directory exactly as {@code scripts/setup-test-env} computes it:
   * {@code find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-12}.
   */
  static String recipeHash(Path recipeDir) {
    try (Stream<Path> walk = Files.walk(recipeDir)) {
      List<String> files = walk.filter(Files::isRegularFile)
          .map(p -> "./" + recipeDir.relativize(p).toString().replace('\\', '/'))
          .sorted() // the names are ASCII, so String order is C-locale byte order
          .toList();
      StringBuilder sums = new StringBuilder();
      for (String file : files) {
        byte[] content = Files.readAllBytes(recipeDir.resolve(file.substring(2)));
        sums.append(Digest.sha256Of(content).hex()).append("  ").append(file).append('\n');
      }
      return Digest.sha256Of(sums.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 12);
    } catch (IOException e) {
      throw new LabNodeException("could not hash the lab node recipe: " + e.getMessage()
          + " (input " + recipeDir + ")", e);
    }
  }
}
