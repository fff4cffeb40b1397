package io.kubeferry.lab.yum;

import java.nio.charset.StandardCharsets;

/**
 * The one place that decides what a fixture RPM's files contain. Executables (anything under a {@code bin/} or
 * {@code sbin/} directory, or ending in {@code .sh}) are clearly named TEST DOUBLE scripts; other files are small
 * text files, except systemd units ({@code *.service}), which are valid units whose {@code ExecStart} runs the
 * package's test-double daemon with {@value #DAEMON_FLAG}: the script then stays up ({@code exec sleep infinity})
 * so {@code systemctl start} gives an active service, as the real daemon would. Later issues replace the scripts
 * with strict doubles here, and nowhere else.
 */
public final class TestDoublePayloads {
  /** Marker printed by every test-double executable. */
  public static final String MARKER = "kubeferry-lab TEST DOUBLE";

  /** Argument with which a unit's ExecStart runs a test double as a long-lived daemon. */
  public static final String DAEMON_FLAG = "--kubeferry-lab-daemon";

  private TestDoublePayloads() {}

  /**
   * The executable a unit starts: among the package's payloads, {@code /usr/bin/<unit>} or {@code /usr/bin/<unit>d}
   * (docker.service runs dockerd, containerd.service containerd, kubelet.service kubelet).
   */
  static String daemonOf(LabPackage pkg, String unitPath) {
    String unit = unitPath.substring(unitPath.lastIndexOf('/') + 1).replaceFirst("\\.service$", "");
    for (String candidate : java.util.List.of("/usr/bin/" + unit, "/usr/bin/" + unit + "d")) {
      if (pkg.files().contains(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("lab package " + pkg.nevra() + ": unit " + unitPath + " has no daemon among"
        + " its files (expected /usr/bin/" + unit + " or /usr/bin/" + unit + "d in files:)");
  }

  /** Whether the payload at {@code path} is installed executable (mode 0755). */
  public static boolean executable(String path) {
    return path.matches(".*/s?bin/[^/]+") || path.endsWith(".sh") || path.startsWith("/opt/cni/bin/")
        || path.contains("/cli-plugins/");
  }

  /**
   * The bytes of {@code path} inside package {@code pkg}. A name ending in {@code .blob-<N>k} gets N KiB of
   * incompressible pseudo-random bytes seeded by the path (benchmarks with realistic package sizes).
   */
  public static byte[] content(LabPackage pkg, String path) {
    java.util.regex.Matcher blob = java.util.regex.Pattern.compile(".*\\.blob-(\\d+)k").matcher(path);
    if (blob.matches()) {
      byte[] b = new byte[Integer.parseInt(blob.group(1)) * 1024];
      new java.util.Random(path.hashCode()).nextBytes(b);
      return b;
    }
    String base = path.substring(path.lastIndexOf('/') + 1);
    String text;
    if (path.matches("/usr/lib/systemd/system/[^/]+\\.service")) {
      String daemon = daemonOf(pkg, path);
      String name = daemon.substring(daemon.lastIndexOf('/') + 1);
      text = "# " + MARKER + " unit " + path + " from " + pkg.nevra() + "\n"
          + "[Unit]\nDescription=" + MARKER + " for " + name + "\n"
          + "[Service]\nType=simple\nExecStart=" + daemon + " " + DAEMON_FLAG + "\n"
          + "[Install]\nWantedBy=multi-user.target\n";
    } else if (executable(path)) {
      text = "#!/bin/sh\n"
          + "# " + MARKER + " for " + base + " from " + pkg.nevra() + "; not the real program.\n"
          + "echo \"" + MARKER + " for " + base + " (" + pkg.nevra() + ") $*\"\n"
          // Started by its systemd unit: stay up like the real daemon, doing nothing.
          + "if [ \"$1\" = " + DAEMON_FLAG + " ]; then exec sleep infinity; fi\n"
          + "exit 0\n";
    } else {
      text = "# " + MARKER + " file " + path + " from " + pkg.nevra() + "\n";
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
