package io.kubeferry.bundler.rpm;

import java.util.Objects;

/** A path in an RPM's payload with its repodata type. */
public record RpmFileEntry(String path, Type type) {
  /** Regular file (incl. symlinks), directory, or ghost (listed but not shipped). */
  public enum Type { FILE, DIR, GHOST }

  public RpmFileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
  }

  /** Whether createrepo lists this path in primary.xml (config, binaries, sendmail), so file requires resolve. */
  public boolean primary() {
    return isPrimaryPath(path);
  }

  /**
   * createrepo's primary.xml file rule: under /etc/, /usr/lib/sendmail, or "bin/" anywhere in the path (yum has
   * always expected /opt/x/sbin/ and /usr/kerberos/bin/ there too).
   */
  public static boolean isPrimaryPath(String path) {
    return path.startsWith("/etc/") || path.equals("/usr/lib/sendmail") || path.contains("bin/");
  }
}
