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

  /**
   * The comparison as repodata spells it: EQ, LT, GT, LE or GE from the low four flag bits, null for any other
   * combination (as createrepo_c: a stray bit 0, or LESS with GREATER, leaves the entry unversioned).
   */
  public String relation() {
    return switch (flags & 0xf) {
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

  /**
   * Whether the text before the first ':' of {@link #evr()} is no number, so createrepo_c drops the entry. A number
   * is what C's {@code strtol} reads up to that ':' (leading white space and a sign allowed); nothing before the ':'
   * is fine (epoch 0).
   */
  public boolean malformedEpoch() {
    int colon = evr.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    int i = 0;
    while (i < colon && " \t\n\u000b\f\r".indexOf(evr.charAt(i)) >= 0) {
      i++;
    }
    if (i < colon && (evr.charAt(i) == '+' || evr.charAt(i) == '-')) {
      i++;
    }
    int digits = i;
    while (i < colon && evr.charAt(i) >= '0' && evr.charAt(i) <= '9') {
      i++;
    }
    return i == digits || i != colon;
  }

  /** Epoch part of {@link #evr()}: the text before the first ':' or "0"; null when unversioned. */
  public String epoch() {
    if (evr.isEmpty()) {
      return null;
    }
    int colon = evr.indexOf(':');
    return colon > 0 ? evr.substring(0, colon) : "0";
  }

  /**
   * Version part of {@link #evr()}: after the first ':', up to the first '-' (createrepo_c splits there, so
   * {@code 1.0-2-3} is version 1.0, release 2-3); null when unversioned.
   */
  public String version() {
    if (evr.isEmpty()) {
      return null;
    }
    int start = evr.indexOf(':') + 1;
    int dash = evr.indexOf('-', start);
    return dash >= 0 ? evr.substring(start, dash) : evr.substring(start);
  }

  /** Release part of {@link #evr()}: everything after the version's '-'; null when absent or empty. */
  public String release() {
    int dash = evr.indexOf('-', evr.indexOf(':') + 1);
    return dash >= 0 && dash + 1 < evr.length() ? evr.substring(dash + 1) : null;
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
