package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.rpm.RpmVersion;

/**
 * createrepo_c lists one {@code libc.so.6...} require per package, the highest by the version in the name's first
 * parentheses ({@code libc.so.6} &lt; {@code libc.so.6()(64bit)} &lt; {@code libc.so.6(GLIBC_2.3.4)(64bit)} &lt;
 * {@code libc.so.6(GLIBC_2.14)}): any libc satisfies the lower ones once the highest is met. Its comparison, restated
 * with the same corner cases, since they decide which entry primary.xml shows.
 */
final class LibcRequire {
  static final String PREFIX = "libc.so.6";

  private LibcRequire() {}

  /**
   * Whether {@code candidate} replaces {@code kept} as the highest: only when strictly higher, so of equals the first
   * in header order stays.
   */
  static boolean higher(String kept, String candidate) {
    int k = kept.indexOf('(');
    int c = candidate.indexOf('(');
    if (k < 0 || c < 0) {
      // no parentheses is the lowest
      return k < 0 && c >= 0;
    }
    int kEnd = kept.indexOf(')', k);
    int cEnd = candidate.indexOf(')', c);
    if (kEnd < 0 || cEnd < 0) {
      // an unclosed parenthesis ranks below a closed one; two unclosed are not comparable
      return kEnd < 0 && cEnd >= 0;
    }
    k++;
    c++;
    if (k == kEnd || c == cEnd) {
      // empty parentheses rank below any content
      return k == kEnd && c != cEnd;
    }
    k = firstDigit(kept, k);
    c = firstDigit(candidate, c);
    if (k > kEnd || c > cEnd) {
      // no digit inside the parentheses (GLIBC_PRIVATE) ranks below a version
      return k > kEnd && c < cEnd;
    }
    return RpmVersion.compare(kept.substring(k, kEnd), candidate.substring(c, cEnd)) < 0;
  }

  /** The index of the first ASCII digit at or after {@code from}, or the length when there is none. */
  private static int firstDigit(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
      i++;
    }
    return i;
  }
}
