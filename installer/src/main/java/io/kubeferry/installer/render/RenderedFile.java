package io.kubeferry.installer.render;

import java.util.Objects;

/**
 * A rendered file and where it goes on the host.
 *
 * @param hostPath absolute path on the host, e.g. {@code /etc/containerd/config.toml}
 * @param source the template or manifest it came from, e.g. {@code manifests/runtime/containerd/config.toml.tmpl}
 * @param content the full text (UTF-8, LF line ends)
 * @param executable whether the file is a script ({@code 0755}) rather than data ({@code 0644})
 */
public record RenderedFile(String hostPath, String source, String content, boolean executable) {
  public RenderedFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(content, "content");
    if (hostPath == null || !hostPath.startsWith("/")) {
      throw new IllegalArgumentException("host path must be absolute: " + hostPath);
    }
  }

  /** {@code 0755} or {@code 0644}. */
  public String mode() {
    return executable ? "0755" : "0644";
  }
}
