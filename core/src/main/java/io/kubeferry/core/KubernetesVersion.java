package io.kubeferry.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact Kubernetes release {@code major.minor.patch}; parses {@code 1.23.1} and {@code v1.23.1}, prints
 * without {@code v}. {@code parse(v.toString()).equals(v)}. Immutable.
 */
public record KubernetesVersion(int major, int minor, int patch) implements Comparable<KubernetesVersion> {
  private static final Pattern FORM = Pattern.compile("v?(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  public KubernetesVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("invalid Kubernetes version " + major + "." + minor + "." + patch);
    }
  }

  /** Parses {@code [v]X.Y.Z}; throws IllegalArgumentException naming the input otherwise. */
  public static KubernetesVersion parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid Kubernetes version '" + text
          + "' (expected an exact release such as 1.23.1)");
    }
    return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }

  /** {@code major.minor}, the catalog key. */
  public String minorKey() {
    return major + "." + minor;
  }

  /** The image tag, {@code v1.23.1}. */
  public String tag() {
    return "v" + this;
  }

  @Override
  public int compareTo(KubernetesVersion o) {
    return major != o.major ? Integer.compare(major, o.major)
        : minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
