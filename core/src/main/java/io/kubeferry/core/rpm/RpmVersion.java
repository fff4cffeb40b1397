package io.kubeferry.core.rpm;

/**
 * rpm's {@code rpmvercmp}: compares two version (or release) strings segment by segment, exactly as rpm 4.18 does.
 * Separators are skipped; {@code ~} sorts before anything (even the end of the string); {@code ^} sorts after the
 * end of the string but before any further segment; numeric segments compare numerically (leading zeros ignored)
 * and are newer than alphabetic ones; only ASCII letters and digits form segments.
 */
public final class RpmVersion {
  private RpmVersion() {}

  /** Returns -1, 0 or 1 like rpm's {@code rpmvercmp(a, b)}. */
  public static int compare(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int la = a.length();
    int lb = b.length();
    while (i < la || j < lb) {
      while (i < la && !isAlnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
        i++;
      }
      while (j < lb && !isAlnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
        j++;
      }
      char ca = i < la ? a.charAt(i) : 0;
      char cb = j < lb ? b.charAt(j) : 0;
      if (ca == '~' || cb == '~') {
        if (ca != '~') {
          return 1;
        }
        if (cb != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (ca == 0) {
          return -1;
        }
        if (cb == 0) {
          return 1;
        }
        if (ca != '^') {
          return 1;
        }
        if (cb != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == 0 || cb == 0) {
        break;
      }
      int ei = i;
      int ej = j;
      boolean numeric = isDigit(ca);
      if (numeric) {
        while (ei < la && isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < lb && isDigit(b.charAt(ej))) {
          ej++;
        }
      } else {
        while (ei < la && isAlpha(a.charAt(ei))) {
          ei++;
        }
        while (ej < lb && isAlpha(b.charAt(ej))) {
          ej++;
        }
      }
      if (ej == j) {
        // Segments of different types: a numeric segment is newer than an alphabetic one.
        return numeric ? 1 : -1;
      }
      if (numeric) {
        while (i < ei && a.charAt(i) == '0') {
          i++;
        }
        while (j < ej && b.charAt(j) == '0') {
          j++;
        }
        int lenA = ei - i;
        int lenB = ej - j;
        if (lenA != lenB) {
          return lenA > lenB ? 1 : -1;
        }
      }
      int rc = compareRange(a, i, ei, b, j, ej);
      if (rc != 0) {
        return rc;
      }
      i = ei;
      j = ej;
    }
    if (i >= la && j >= lb) {
      return 0;
    }
    return i >= la ? -1 : 1;
  }

  private static int compareRange(String a, int i, int ei, String b, int j, int ej) {
    while (i < ei && j < ej) {
      char x = a.charAt(i++);
      char y = b.charAt(j++);
      if (x != y) {
        return x < y ? -1 : 1;
      }
    }
    int ra = ei - i;
    int rb = ej - j;
    return ra == rb ? 0 : (ra > rb ? 1 : -1);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
  }
}
