package io.kubeferry.bundler.rpm.download;

import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.nio.file.Path;

/**
 * The local RPM cache shared by rebuilds ({@code ~/.cache/kubeferry/rpms} by default): files are stored by sha256,
 * {@code <root>/sha256/<hex>.rpm}, so the same package from any repository is downloaded once; partial downloads
 * live in {@code <root>/partial/} until verified.
 */
public record RpmCache(Path root) {
  /** The default location, honouring {@code XDG_CACHE_HOME}. */
  public static RpmCache defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new RpmCache(base.resolve("kubeferry").resolve("rpms"));
  }

  /** Where a verified package lives. */
  public Path file(RpmPackage p) {
    return root.resolve("sha256").resolve(hex(p) + ".rpm");
  }

  /** Where its partial download is kept between attempts. */
  Path partial(RpmPackage p) {
    return root.resolve("partial").resolve(hex(p) + ".part");
  }

  static String hex(RpmPackage p) {
    String c = p.checksum();
    if (!c.startsWith("sha256:")) {
      throw new IllegalArgumentException("package " + p.nevra() + " has no sha256 checksum (" + c + ")");
    }
    String hex = c.substring(7);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("package " + p.nevra() + " has a malformed sha256 '" + hex + "'");
    }
    return hex;
  }
}
