package io.kubeferry.core.rpm;

import io.kubeferry.core.Nevra;
import java.util.Objects;

/**
 * An RPM {@code [epoch:]version[-release]}. A missing epoch is 0. The release may be {@code null} in dependency
 * strings such as {@code kubelet >= 1.19.0}; {@link #matchCompare} then ignores it, as rpm and libsolv do when
 * matching a dependency range. {@link #compareTo} orders packages (a missing release sorts first), exactly as rpm
 * does: never compare version strings lexically ({@code 1.23.10} is newer than {@code 1.23.9}). Immutable.
 */
public record Evr(int epoch, String version, String release) implements Comparable<Evr> {
  public Evr {
    Objects.requireNonNull(version, "version");
    if (epoch < 0) {
      throw new IllegalArgumentException("negative epoch in '" + version + "'");
    }
  }

  /** The epoch, version and release of a package identity, for ordering packages by rpm's rules. */
  public static Evr of(Nevra nevra) {
    return new Evr(nevra.epoch(), nevra.version(), nevra.release());
  }

  /** Parses {@code [epoch:]version[-release]}; the release is everything after the last '-'. */
  public static Evr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid version '" + text + "' (expected [epoch:]version[-release])");
    }
    int colon = text.indexOf(':');
    int epoch = 0;
    String rest = text;
    if (colon >= 0) {
      try {
        epoch = Integer.parseInt(text.substring(0, colon));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid epoch in version '" + text + "'");
      }
      rest = text.substring(colon + 1);
    }
    int dash = rest.lastIndexOf('-');
    String version = dash < 0 ? rest : rest.substring(0, dash);
    String release = dash < 0 ? null : rest.substring(dash + 1);
    if (version.isEmpty() || (release != null && release.isEmpty())) {
      throw new IllegalArgumentException("invalid version '" + text + "' (expected [epoch:]version[-release])");
    }
    return new Evr(epoch, version, release);
  }

  /** Full comparison for ordering packages: epoch, version, then release (null first). */
  @Override
  public int compareTo(Evr o) {
    if (epoch != o.epoch) {
      return epoch < o.epoch ? -1 : 1;
    }
    int c = RpmVersion.compare(version, o.version);
    if (c != 0) {
      return c;
    }
    if (Objects.equals(release, o.release)) {
      return 0;
    }
    if (release == null || o.release == null) {
      return release == null ? -1 : 1;
    }
    return RpmVersion.compare(release, o.release);
  }

  /** Comparison for dependency matching: the release counts only when both sides have one. */
  public int matchCompare(Evr o) {
    if (epoch != o.epoch) {
      return epoch < o.epoch ? -1 : 1;
    }
    int c = RpmVersion.compare(version, o.version);
    if (c != 0 || release == null || o.release == null) {
      return c;
    }
    return RpmVersion.compare(release, o.release);
  }

  // Written out rather than the record's generated versions: those go through method handles, which are slow
  // until the JIT has warmed up, and a short resolve hashes Evrs and Deps hundreds of thousands of times.
  @Override
  public boolean equals(Object o) {
    return o instanceof Evr e && epoch == e.epoch && version.equals(e.version) && Objects.equals(release, e.release);
  }

  @Override
  public int hashCode() {
    return (epoch * 31 + version.hashCode()) * 31 + (release == null ? 0 : release.hashCode());
  }

  @Override
  public String toString() {
    return (epoch == 0 ? "" : epoch + ":") + version + (release == null ? "" : "-" + release);
  }
}
