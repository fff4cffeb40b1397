package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.rpm.Evr;

/**
 * One dependency entry (provides, requires, conflicts, ...): a name, comparison flags and an optional EVR. A name
 * starting with '(' is an rpm rich (boolean) dependency such as {@code (a or b)}; its flags are 0.
 *
 * @param flags bit set of {@link #GT}, {@link #EQ}, {@link #LT}; 0 for an unversioned dependency
 * @param evr the version compared against, {@code null} when {@code flags == 0}
 */
public record Dep(String name, int flags, Evr evr) {
  public static final int GT = 1;
  public static final int EQ = 2;
  public static final int LT = 4;

  public Dep {
    if ((flags == 0) != (evr == null)) {
      throw new IllegalArgumentException("dependency " + name + ": flags and version must come together");
    }
  }

  /** Parses the primary.xml flags attribute (EQ, LT, GT, LE, GE); {@code null} means unversioned. */
  public static int parseFlags(String flags) {
    if (flags == null) {
      return 0;
    }
    return switch (flags) {
      case "EQ" -> EQ;
      case "LT" -> LT;
      case "GT" -> GT;
      case "LE" -> LT | EQ;
      case "GE" -> GT | EQ;
      default -> throw new IllegalArgumentException("unknown dependency flags '" + flags + "'");
    };
  }

  /** True for rich/boolean dependencies, e.g. {@code (foo if bar)}. */
  public boolean isRich() {
    return !name.isEmpty() && name.charAt(0) == '(';
  }

  /**
   * Whether this range (as a provide) overlaps {@code other} (as a requirement) with the same name; the name is
   * not compared. Same semantics as libsolv's {@code pool_intersect_evrs}: releases count only when both sides
   * have one, unversioned sides match everything.
   */
  public boolean intersects(Dep other) {
    if (flags == 0 || other.flags == 0) {
      return true;
    }
    int c = evr.matchCompare(other.evr);
    if (c < 0) {
      return (flags & GT) != 0 || (other.flags & LT) != 0;
    }
    if (c > 0) {
      return (flags & LT) != 0 || (other.flags & GT) != 0;
    }
    return (flags & other.flags) != 0;
  }

  // Written out rather than the record's generated versions (method handles, slow before the JIT warms up): the
  // solver keys its caches by Dep.
  @Override
  public boolean equals(Object o) {
    return o instanceof Dep d && flags == d.flags && java.util.Objects.equals(name, d.name)
        && java.util.Objects.equals(evr, d.evr);
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(name) * 31 + flags) * 31 + (evr == null ? 0 : evr.hashCode());
  }

  @Override
  public String toString() {
    if (flags == 0) {
      return name;
    }
    String op = switch (flags) {
      case EQ -> "=";
      case LT -> "<";
      case GT -> ">";
      case LT | EQ -> "<=";
      case GT | EQ -> ">=";
      default -> "?";
    };
    return name + " " + op + " " + evr;
  }
}
