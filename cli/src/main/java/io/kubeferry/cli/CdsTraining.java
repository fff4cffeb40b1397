package io.kubeferry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a command: the build runs this once, in one JVM under {@code -XX:ArchiveClassesAtExit}, so the class-data
 * archive the launcher passes holds the classes the common commands load (Java 17 dumps a dynamic archive from a
 * single run). Each step is a real {@link Main#run} on the fixtures in {@code cli/src/cds}; a failing step fails
 * the build rather than leaving an archive trained on an error path.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /**
   * Runs the training commands.
   *
   * @param args the fixture directory ({@code repo/}: yum metadata, {@code rpms/}: a few small RPMs,
   *     {@code bundle/}: a tiny signed bundle and its key) and a
   *     directory for a fresh scratch directory (the first resolve must find no cache), removed afterwards
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CdsTraining FIXTURE_DIR SCRATCH_PARENT");
    }
    Path fixtures = Path.of(args[0]);
    Path work = Files.createTempDirectory(Files.createDirectories(Path.of(args[1])), "cds-training-");
    try {
      for (String[] step : steps(fixtures, work)) {
        run(step);
      }
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static List<String[]> steps(Path fixtures, Path work) throws IOException {
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {"--version"});
    steps.add(new String[] {"--help"});
    steps.add(new String[] {"rpm", "resolve", "--help"});
    String[] resolve = {"rpm", "resolve", "--cache", work.resolve("cache").toString(),
        "--repo", "t=" + fixtures.resolve("repo"), "cds-app"};
    steps.add(resolve); // cold: parses the metadata and fills the cache
    steps.add(resolve); // warm: maps the cached index, as most resolves do
    steps.add(new String[] {"rpm", "index", copyRpms(fixtures.resolve("rpms"), work.resolve("rpms")).toString()});
    Path bundle = fixtures.resolve("bundle");
    steps.add(new String[] {"bundle", "verify", bundle.resolve("kubeferry-cds.tgz").toString(),
        "--key", bundle.resolve("bundle-key.pub.asc").toString()});
    return steps;
  }

  private static Path copyRpms(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path rpm : s.filter(p -> p.getFileName().toString().endsWith(".rpm")).toList()) {
        Files.copy(rpm, to.resolve(rpm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return to;
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    if (code != 0) {
      throw new IllegalStateException("CDS training step 'kubeferry " + String.join(" ", args) + "' exited " + code
          + ": " + err.toString().strip());
    }
  }
}
