package io.kubeferry.bundler.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Pluggable inputs of a bundle build; each part is produced elsewhere (image puller, RPM resolver, CLI build). */
public final class ContentSources {
  private ContentSources() {}

  /** Gives the OCI image layout directory to ship as {@code images/}. */
  @FunctionalInterface
  public interface ImageSource {
    Path ociLayout() throws java.io.IOException;
  }

  /** Gives the (signed) yum repository directory to ship as {@code repo/}. */
  @FunctionalInterface
  public interface RepoSource {
    Path repoDir() throws java.io.IOException;
  }

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
