package io.kubeferry.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RPM package identity: name, epoch, version, release, arch. {@link #toString()} prints
 * {@code name-[epoch:]version-release.arch} (epoch shown only when non-zero), and {@link #parse} reads that form
 * back, so {@code parse(n.toString()).equals(n)}. Immutable and thread-safe.
 */
public record Nevra(String name, int epoch, String version, String release, String arch) {
  private static final Pattern FORM = Pattern.compile("(.+)-(?:(\\d+):)?([^-:]+)-([^-:]+)\\.([^.\\-]+)");

  public Nevra {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(arch, "arch");
    if (epoch < 0) {
      throw new IllegalArgumentException("negative epoch in package " + name);
    }
    for (String f : new String[] {name, version, release, arch}) {
      if (!isField(f)) {
        throw new IllegalArgumentException("invalid RPM field '" + f + "' in package " + name);
      }
    }
    if (version.contains("-") || release.contains("-")) {
      throw new IllegalArgumentException("RPM version and release must not contain '-' (package " + name + ")");
    }
  }

  /**
   * Non-empty, without '/' and whitespace (space, tab, LF, VT, FF, CR: the regex class \s). A loop, not a regex: a
   * resolve creates thousands of Nevras while sorting and printing its result.
   */
  private static boolean isField(String f) {
    if (f.isEmpty()) {
      return false;
    }
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '/' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  /** Parses {@code name-[epoch:]version-release.arch}, e.g. {@code docker-ce-3:20.10.12-3.el7.x86_64}. */
  public static Nevra parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid package '" + text + "' (expected name-[epoch:]version-release.arch)");
    }
    int epoch = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return new Nevra(m.group(1), epoch, m.group(3), m.group(4), m.group(5));
  }

  /** {@code [epoch:]version-release}, epoch shown only when non-zero. */
  public String evr() {
    return (epoch == 0 ? "" : epoch + ":") + version + "-" + release;
  }

  @Override
  public String toString() {
    return name + "-" + evr() + "." + arch;
  }
}
