package io.kubeferry.installer.render;

import io.kubeferry.core.template.ManifestException;
import io.kubeferry.core.template.Template;
import io.kubeferry.core.template.TemplateException;
import io.kubeferry.core.template.TemplateValues;
import io.kubeferry.core.template.UpstreamManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code manifests/} directory: the unpacked bundle's (verified before use) or, in tests, the repository's.
 * Reads on every call, so it holds no state. Thread-safe.
 */
public final class ManifestsDir {
  private final Path dir;

  public ManifestsDir(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The text of {@code path} (relative to {@code manifests/}). */
  public String read(String path) throws RenderException {
    try {
      return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RenderException("could not read manifests/" + path + ": " + e.getMessage(), e);
    }
  }

  /** Template {@code path} rendered with {@code values}; the message of a failure names the line and placeholder. */
  public String render(String path, TemplateValues values) throws RenderException {
    try {
      return Template.parse("manifests/" + path, read(path)).render(values);
    } catch (TemplateException e) {
      throw new RenderException(e.getMessage(), e);
    }
  }

  /** {@link #render} as the file {@code hostPath}. */
  public RenderedFile file(String hostPath, String template, TemplateValues values, boolean executable)
      throws RenderException {
    return new RenderedFile(hostPath, "manifests/" + template, render(template, values), executable);
  }

  /** The table of upstream CNI manifests ({@code cni/origins.yaml}). */
  public UpstreamManifests upstream() throws RenderException {
    try {
      return UpstreamManifests.load(dir);
    } catch (ManifestException e) {
      throw new RenderException(e.getMessage(), e);
    }
  }
}
