package io.kubeferry.installer.inventory;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" hints: the closest candidate by edit distance, if it is close enough to be a typo. */
final class Suggest {
  private Suggest() {}

  static Optional<String> closest(String input, Collection<String> candidates) {
    String lower = input.toLowerCase(java.util.Locale.ROOT);
    return candidates.stream()
        .filter(c -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)) <= Math.max(2, c.length() / 4))
        .min(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(java.util.Locale.ROOT))));
  }

  /** Levenshtein distance; inputs are short keys, so the O(n*m) table is fine. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
