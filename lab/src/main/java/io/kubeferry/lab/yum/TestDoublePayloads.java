package io.kubeferry.lab.yum;

import java.nio.charset.StandardCharsets;

/**
 * The one place that decides what a fixture RPM's files contain. Executables (anything under a {@code bin/} or
 * {@code sbin/} directory, or ending in {@code .sh}) are clearly named TEST DOUBLE scripts; other files are small
 * text files. Later issues replace the scripts with strict doubles here, and nowhere else.
 */
public final class TestDoublePayloads {
  /** Marker printed by every test-double executable. */
  public static final String MARKER = "kubeferry-lab TEST DOUBLE";

  private TestDoublePayloads() {}

  /** Whether the payload at {@code path} is installed executable (mode 0755). */
  public static boolean executable(String path) {
    return path.matches(".*/s?bin/[^/]+") || path.endsWith(".sh") || path.startsWith("/opt/cni/bin/")
        || path.contains("/cli-plugins/");
  }

  /** The bytes of {@code path} inside package {@code pkg}. */
  public static byte[] content(LabPackage pkg, String path) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    String text = executable(path)
        ? "#!/bin/sh\n"
            + "# " + MARKER + " for " + base + " from " + pkg.nevra() + "; not the real program.\n"
            + "echo \"" + MARKER + " for " + base + " (" + pkg.nevra() + ") $*\"\n"
            + "exit 0\n"
        : "# " + MARKER + " file " + path + " from " + pkg.nevra() + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
