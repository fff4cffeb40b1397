package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabNodeImageTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "setup-test-env").toAbsolutePath().normalize();

  @Test
  void recipeHashAgreesWithSetupTestEnvOnTheRealRecipe() throws Exception {
    Path recipe = SCRIPT.getParent().resolve("lab-node");
    assertEquals(scriptHash(recipe), LabNodeImage.recipeHash(recipe));
    assertEquals(LabNodeImage.REPOSITORY + ":" + scriptHash(recipe), LabNodeImage.expected().name());
  }

  @Test
  void recipeHashAgreesWithSetupTestEnvOnTrickyNames(@TempDir Path recipe) throws Exception {
    // C-locale order puts "B" before "a" and "a-b" before "a/b"; nested files count too.
    write(recipe.resolve("a/b"), "1");
    write(recipe.resolve("a-b"), "2");
    write(recipe.resolve("B"), "3");
    write(recipe.resolve("packages"), "systemd\n");
    String before = LabNodeImage.recipeHash(recipe);
    assertEquals(scriptHash(recipe), before);
    write(recipe.resolve("a/b"), "changed");
    assertNotEquals(before, LabNodeImage.recipeHash(recipe));
    assertEquals(scriptHash(recipe), LabNodeImage.recipeHash(recipe));
  }

  @Test
  void tagIsValidatedOnConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new LabNodeImage("latest"));
    assertEquals("kubeferry-lab-node:0123456789ab", new LabNodeImage("0123456789ab").name());
  }

  /** Runs the recipe_hash function of scripts/setup-test-env itself, so the two cannot drift apart. */
  private static String scriptHash(Path recipe) throws IOException, InterruptedException {
    String function = Files.readString(SCRIPT).lines()
        .dropWhile(line -> !line.startsWith("recipe_hash()"))
        .takeWhile(line -> !line.equals("}"))
        .reduce("", (a, b) -> a + b + "\n") + "}\n";
    Process process = new ProcessBuilder("bash", "-c",
        "set -euo pipefail\n" + function + "recipe_dir=\"$1\"\nrecipe_hash", "bash", recipe.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, process.waitFor());
    return out;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
