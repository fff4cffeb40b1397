package io.kubeferry.cli.bundle;

import java.util.Locale;

/** Human-readable byte counts (binary units). */
final class Sizes {
  private Sizes() {}

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String units = "KMGTPE";
    int u = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
    return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, u), units.charAt(u - 1));
  }
}
