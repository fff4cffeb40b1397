package io.kubeferry.core.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Parts of a bundle produced outside the bundler: kubeferry itself. */
public final class ContentSources {
  private ContentSources() {}

  /**
   * kubeferry itself, shipped as {@code installer/}.
   *
   * @param launcher the {@code kubeferry} shell launcher
   * @param jars the jars for {@code lib/}
   * @param runtime a jlink'ed Java runtime for the bundle's arch, or null to ship none
   */
  public record Installer(Path launcher, List<Path> jars, Path runtime) {
    public Installer {
      Objects.requireNonNull(launcher, "launcher");
      jars = List.copyOf(jars);
    }
  }
}
