package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.core.rpm.Evr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * libsolv's {@code sort_by_common_dep}: among candidates of different names that provide the same capability with
 * a version ({@code java-headless = 1:17} against {@code = 1:11}), the one with the better version comes first.
 * Each candidate is charged, per shared capability, how many better versions others provide; candidates are then
 * stably sorted by that charge. Without it `dnf install mariadb-java-client` picks java-17 and we picked java-11.
 */
final class CommonDepOrder {
  private record Entry(int candidate, String name, Evr evr, boolean less) {}

  private CommonDepOrder() {}

  static List<Integer> sort(PackagePool pool, List<Integer> candidates) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      for (Dep d : pool.get(candidates.get(i)).provides()) {
        int f = d.flags();
        boolean versioned = d.evr() != null && (f == Dep.EQ || f == (Dep.EQ | Dep.LT) || f == Dep.LT);
        if (versioned && !(f == Dep.EQ && looksLikeHash(d.evr().toString()))) {
          entries.add(new Entry(i, d.name(), d.evr(), f == Dep.LT));
        }
      }
    }
    if (entries.size() < 2) {
      return candidates;
    }
    entries.sort(Comparator.comparing(Entry::name).thenComparing(CommonDepOrder::better));
    int[] charge = new int[candidates.size()];
    boolean any = false;
    int run = 0;
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      Entry prev = k > 0 ? entries.get(k - 1) : null;
      if (prev == null || !prev.name().equals(e.name())) {
        run = 0;
      } else if (prev.candidate() != e.candidate() && better(prev, e) < 0) {
        run++;
        any = true;
      }
      charge[e.candidate()] += run;
    }
    if (!any) {
      return candidates;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> charge[i])); // List.sort is stable
    return order.stream().map(candidates::get).toList();
  }

  /** Negative when {@code a} is the better version: higher first, and {@code =} before {@code <} at a tie. */
  private static int better(Entry a, Entry b) {
    int c = b.evr().matchCompare(a.evr());
    if (c != 0 || a.less() == b.less()) {
      return c;
    }
    return a.less() ? 1 : -1;
  }

  /** libsolv ignores {@code = <hex digest>} provides (4+ hex digits), which say nothing about "better". */
  private static boolean looksLikeHash(String evr) {
    return evr.length() >= 4 && evr.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
  }
}
