package io.kubeferry.bundler.rpm;

import java.util.Objects;

/**
 * One dependency entry (provides, requires, conflicts, obsoletes or a weak dependency) as stored in an RPM header:
 * name, raw rpmsense flags and the {@code [epoch:]version[-release]} string (empty when unversioned).
 */
public record RpmDependency(String name, int flags, String evr) {
  /** rpmsense bits. */
  public static final int LESS = 1 << 1;
  public static final int GREATER = 1 << 2;
  public static final int EQUAL = 1 << 3;
  public static final int PREREQ = 1 << 6;
  public static final int SCRIPT_PRE = 1 << 9;
  public static final int SCRIPT_POST = 1 << 10;

  public RpmDependency {
    Objects.requireNonNull(name, "name");
    evr = evr == null ? "" : evr;
  }

  /** The comparison as repodata spells it: EQ, LT, GT, LE, GE, or null when unversioned. */
  public String relation() {
    return switch (flags & (LESS | GREATER | EQUAL)) {
      case EQUAL -> "EQ";
      case LESS -> "LT";
      case GREATER -> "GT";
      case LESS | EQUAL -> "LE";
      case GREATER | EQUAL -> "GE";
      default -> null;
    };
  }

  /** Whether a requirement must be satisfied before install scriptlets run (repodata {@code pre="1"}). */
  public boolean pre() {
    return (flags & (PREREQ | SCRIPT_PRE | SCRIPT_POST)) != 0;
  }

  /** Epoch part of {@link #evr()}: the digits before ':' or "0"; null when unversioned. */
  public String epoch() {
    if (evr.isEmpty()) {
      return null;
    }
    int colon = evr.indexOf(':');
    return colon > 0 ? evr.substring(0, colon) : "0";
  }

  /** Version part of {@link #evr()}; null when unversioned. */
  public String version() {
    if (evr.isEmpty()) {
      return null;
    }
    String vr = evr.substring(evr.indexOf(':') + 1);
    int dash = vr.lastIndexOf('-');
    return dash >= 0 ? vr.substring(0, dash) : vr;
  }

  /** Release part of {@link #evr()}; null when absent. */
  public String release() {
    String vr = evr.substring(evr.indexOf(':') + 1);
    int dash = vr.lastIndexOf('-');
    return dash >= 0 ? vr.substring(dash + 1) : null;
  }

  @Override
  public String toString() {
    String rel = relation();
    return rel == null ? name : name + " " + switch (rel) {
      case "EQ" -> "=";
      case "LT" -> "<";
      case "GT" -> ">";
      case "LE" -> "<=";
      default -> ">=";
    } + " " + evr;
  }
}
