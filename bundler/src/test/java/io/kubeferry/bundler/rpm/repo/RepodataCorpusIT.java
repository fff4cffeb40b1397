package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubeferry.bundler.rpm.PrimarySnapshotAccess;
import io.kubeferry.bundler.rpm.RpmReader;
import io.kubeferry.lab.yum.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred RPMs built by rpmbuild from seeded random specs ({@link RandomCorpus}), indexed by us and by real
 * createrepo_c: every field of every package must agree. Another seed: {@code -Dcorpus.seed=N}.
 */
class RepodataCorpusIT {
  private static final int SPECS = 6;
  private static final int PACKAGES_PER_SPEC = 50;

  @Test
  void everyFieldEqualsCreaterepoC(@TempDir Path tmp) throws Exception {
    long seed = Long.getLong("corpus.seed", 17L);
    Path ours = tmp.resolve("ours");
    List<Path> rpms = TestRpmBuilder.build(RandomCorpus.specs(seed, SPECS, PACKAGES_PER_SPEC),
        ours.resolve("Packages"));
    Path theirs = Files.createDirectories(tmp.resolve("theirs/Packages"));
    for (Path rpm : rpms) {
      Files.copy(rpm, theirs.resolve(rpm.getFileName()));
    }
    Processes.check(List.of("createrepo_c", "--quiet", "--no-database", theirs.getParent().toString()), Map.of(),
        null, 300);
    RepodataResult result = RepodataWriter.write(RepodataOptions.of(ours));
    assertEquals(SPECS * PACKAGES_PER_SPEC, result.packages().size());

    List<RepodataDiff.Difference> diffs = RepodataDiff.of(theirs.getParent(), ours);
    Map<String, Long> cases = cases(rpms, PrimarySnapshotAccess.of(ours));
    System.out.println("corpus seed " + seed + ": " + rpms.size() + " RPMs " + cases + ", " + diffs.size()
        + " differences");
    if (!diffs.isEmpty()) {
      Map<String, Long> byField = diffs.stream().collect(Collectors.groupingBy(RepodataDiff.Difference::field,
          TreeMap::new, Collectors.counting()));
      fail(diffs.size() + " differences from createrepo_c (seed " + seed + ", " + rpms.size() + " RPMs), by field "
          + byField + "; the first 40:\n" + diffs.stream().limit(40).map(Object::toString)
              .collect(Collectors.joining("\n")));
    }
    // a corpus that no longer reaches the rules would pass vacuously
    cases.forEach((rule, packages) -> assertTrue(packages >= 10, rule + ": only " + packages + " packages"));
  }

  /** How many packages meet each of the three rules where it changes the list. */
  private static Map<String, Long> cases(List<Path> rpms, Map<String, Map<String, String>> primary) throws Exception {
    long libc = 0;
    for (Path rpm : rpms) {
      if (RpmReader.read(rpm).header().dependencies().requires().stream()
          .filter(d -> d.name().startsWith("libc.so.6")).count() > 1) {
        libc++;
      }
    }
    long selfProvidedKept = 0;
    long repeatsKept = 0;
    for (Map<String, String> p : primary.values()) {
      List<String> requires = names(p.get("requires"));
      if (requires.stream().anyMatch(names(p.get("provides"))::contains)) {
        selfProvidedKept++;
      }
      if (requires.stream().distinct().count() < requires.size()) {
        repeatsKept++;
      }
    }
    return new TreeMap<>(Map.of("libc.so.6 collapsed", libc, "self-provided name kept", selfProvidedKept,
        "repeated name kept", repeatsKept));
  }

  /** The names of snapshot entries ({@code name [FLAGS evr] [(pre)]}; rich names have spaces). */
  private static List<String> names(String entries) {
    return entries == null ? List.of()
        : entries.lines().map(e -> e.replaceFirst(" \\(pre\\)$", "").replaceFirst(" (EQ|LT|GT|LE|GE) \\S+$", ""))
            .toList();
  }
}
