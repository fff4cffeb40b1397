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
  private static final Pattern FIELD = Pattern.compile("[^\\s/]+");

  public Nevra {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(arch, "arch");
    if (epoch < 0) {
      throw new IllegalArgumentException("negative epoch in package " + name);
    }
    for (String f : new String[] {name, version, release, arch}) {
      if (!FIELD.matcher(f).matches()) {
        throw new IllegalArgumentException("invalid RPM field '" + f + "' in package " + name);
      }
    }
    if (version.contains("-") || release.contains("-")) {
      throw new IllegalArgumentException("RPM version and release must not contain '-' (package " + name + ")");
    }
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
