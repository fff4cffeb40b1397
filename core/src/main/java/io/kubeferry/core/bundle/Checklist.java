package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import io.kubeferry.core.IntegrityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ticks off the files a verified manifest lists and collects every problem, so one run reports all of them
 * (first the files at fault, by name). Not thread-safe.
 */
final class Checklist {
  private static final int MAX_REPORTED = 20;

  private final Map<String, FileEntry> expected;
  private final Set<String> seen = new HashSet<>();
  private final List<String> subjects = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private int matched;
  private long bytes;

  Checklist(BundleManifest manifest) {
    this.expected = manifest.filesByPath();
  }

  /** The entry for a path, or null after recording it as unlisted (or, in a delta, as the base's). */
  FileEntry expect(String path) {
    FileEntry e = expected.get(path);
    if (e == null) {
      problem(path, path + ": not listed in the signed manifest (unexpected extra file)");
    } else if (!seen.add(path)) {
      problem(path, path + ": appears twice");
      return null;
    } else if (e.fromBase()) {
      problem(path, path + ": the signed manifest leaves it to the base bundle, but it is here too");
      return null;
    }
    return e;
  }

  /** Compares what was read against the listed entry. */
  void check(FileEntry e, long size, byte[] sha256) {
    String actual = HexFormat.of().formatHex(sha256);
    if (size != e.size() || !actual.equals(e.sha256().hex())) {
      problem(e.path(), e.path() + ": content does not match the signed manifest (expected " + e.sha256() + ", "
          + e.size() + " bytes; got " + Digest.sha256Hex(actual) + ", " + size + " bytes)");
    } else {
      matched++;
      bytes += size;
    }
  }

  void problem(String subject, String message) {
    subjects.add(subject);
    problems.add(message);
  }

  /** Records listed files never seen. */
  void finish() {
    for (FileEntry e : expected.values()) {
      String path = e.path();
      if (!seen.contains(path) && !e.fromBase()) { // a delta's base holds those: checked when it is installed
        problem(path, path + ": listed in the manifest but missing");
      }
    }
  }

  int matched() {
    return matched;
  }

  long bytes() {
    return bytes;
  }

  /** Throws one exception naming the first file at fault and listing every problem, if there were any. */
  void throwIfFailed(String source) throws IntegrityException {
    if (problems.isEmpty()) {
      return;
    }
    List<String> shown = problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
    String more = problems.size() > MAX_REPORTED ? "; and " + (problems.size() - MAX_REPORTED) + " more" : "";
    throw new IntegrityException(subjects.get(0),
        "bundle " + source + " failed verification: " + String.join("; ", shown) + more);
  }
}
