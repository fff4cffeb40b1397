package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmChangelog;
import java.util.ArrayList;
import java.util.List;

/**
 * The changelog entries createrepo_c 0.17 (default options) writes into other.xml for one header: the newest
 * {@value #LIMIT}, oldest first, trailing spaces off the author, and entries sharing a time spread over the following
 * seconds so each has its own.
 */
final class OtherChangelogs {
  /** createrepo_c's default {@code --changelog-limit}. */
  static final int LIMIT = 10;

  private OtherChangelogs() {}

  /** {@code header} is in header order (newest first); the result is in other.xml's order. */
  static List<RpmChangelog> of(List<RpmChangelog> header) {
    int n = Math.min(LIMIT, header.size());
    // built back to front like createrepo_c's list, so out.get(n - 1) is the newest
    String[] authors = new String[n];
    long[] times = new long[n];
    long lastTime = 0;
    for (int i = 0; i < n; i++) {
      RpmChangelog c = header.get(i);
      int at = n - 1 - i;
      authors[at] = trimSpaces(c.author());
      times[at] = c.time();
      if (c.time() == lastTime) {
        // the entries after this one (newer in the header) that share its time move up one second each; the
        // running value is a C int in createrepo_c, so it wraps the same way
        int t = (int) c.time();
        for (int k = at + 1; k < n && times[k] == t; k++) {
          times[k]++;
          t++;
        }
      } else {
        lastTime = c.time();
      }
    }
    List<RpmChangelog> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new RpmChangelog(authors[i], times[i], header.get(n - 1 - i).text()));
    }
    return out;
  }

  /** Trailing ' ' off, but never the first character (createrepo_c's loop stops before it). */
  private static String trimSpaces(String author) {
    int end = author.length();
    while (end > 1 && author.charAt(end - 1) == ' ') {
      end--;
    }
    return author.substring(0, end);
  }
}
