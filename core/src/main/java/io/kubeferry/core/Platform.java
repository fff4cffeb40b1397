package io.kubeferry.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image platform {@code os/architecture[/variant]} as in OCI image indexes, e.g. {@code linux/arm64/v8}.
 * Parses {@code linux/amd64} and bare architectures ({@code amd64}, {@code arm64}, also the RPM names
 * {@code x86_64} and {@code aarch64}), which mean Linux. {@code parse(p.toString()).equals(p)}. Immutable.
 *
 * @param os operating system, e.g. {@code linux}
 * @param architecture GOARCH name, e.g. {@code amd64}
 * @param variant variant or null, e.g. {@code v8}
 */
public record Platform(String os, String architecture, String variant) implements Comparable<Platform> {
  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", null);

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    if (!WORD.matcher(os).matches() || !WORD.matcher(architecture).matches()
        || (variant != null && !WORD.matcher(variant).matches())) {
      throw new IllegalArgumentException("invalid platform '" + os + "/" + architecture
          + (variant == null ? "" : "/" + variant) + "' (expected os/arch[/variant], e.g. linux/amd64)");
    }
  }

  /** Parses {@code os/arch[/variant]} or a bare architecture (Linux). */
  public static Platform parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid platform '' (expected os/arch[/variant] or amd64, arm64)");
    }
    String[] p = text.trim().toLowerCase(java.util.Locale.ROOT).split("/", -1);
    return switch (p.length) {
      case 1 -> new Platform("linux", arch(p[0]), null);
      case 2 -> new Platform(p[0], arch(p[1]), null);
      case 3 -> new Platform(p[0], arch(p[1]), p[2]);
      default -> throw new IllegalArgumentException(
          "invalid platform '" + text + "' (expected os/arch[/variant], e.g. linux/amd64)");
    };
  }

  private static String arch(String a) {
    return switch (a) {
      case "x86_64", "x86-64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }

  /**
   * Whether an index entry with this platform satisfies the wanted one: os and architecture equal, and the
   * variant equal when the wanted one names a variant ({@code arm64} without variant accepts {@code arm64/v8}).
   */
  public boolean satisfies(Platform wanted) {
    return os.equals(wanted.os) && architecture.equals(wanted.architecture)
        && (wanted.variant == null || wanted.variant.equals(variant));
  }

  @Override
  public int compareTo(Platform o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
