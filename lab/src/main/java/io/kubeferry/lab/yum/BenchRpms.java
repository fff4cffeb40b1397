package io.kubeferry.lab.yum;

import io.kubeferry.core.Nevra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates (once, cached) a set of synthetic signed RPMs for benchmarks: {@code count} packages with versioned
 * requires between them, provides, several files each and a changelog. Prints the directory.
 * Usage: {@code BenchRpms [count]} (default 300).
 */
public final class BenchRpms {
  private BenchRpms() {}

  /** The cached directory holding {@code count} benchmark RPMs, built on first use. */
  public static Path ensure(int count) throws IOException {
    Path dir = LabCache.root().resolve("bench-rpms-" + count + "-v1");
    return LabCache.locked(() -> {
      if (!Files.isDirectory(dir)) {
        Path tmp = Files.createTempDirectory(LabCache.root(), "bench-rpms.tmp");
        try {
          RpmFixtureBuilder.build(packages(count), tmp, LabGpgKey.lab());
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          LabFiles.deleteTree(tmp);
          LabGpgKey.lab().stopAgent();
        }
      }
      return dir;
    });
  }

  static List<LabPackage> packages(int count) {
    List<LabPackage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = String.format("bench-pkg-%04d", i);
      List<String> requires = new ArrayList<>();
      for (int k = 1; k <= 4 && i - k * 7 >= 0; k++) {
        requires.add(String.format("bench-pkg-%04d >= 1.%d", i - k * 7, (i - k * 7) % 5));
      }
      requires.add(String.format("libbench%d.so.1()(64bit)", i % 13));
      List<String> files = new ArrayList<>();
      files.add("/usr/bin/" + name);
      files.add("/etc/" + name + "/" + name + ".conf");
      for (int f = 0; f < 12; f++) {
        files.add("/usr/share/" + name + "/data-" + f + ".txt");
      }
      List<String> none = List.of();
      out.add(new LabPackage("bench", Nevra.parse(name + "-1." + (i % 5) + "." + i + "-1.el7.x86_64"), requires,
          List.of(String.format("libbench%d.so.1()(64bit)", i % 13), name + "-compat = 1." + (i % 5)),
          none, i % 10 == 0 ? List.of(name + "-legacy") : none, i % 4 == 0 ? List.of("bash") : none, none, none,
          none, files));
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    System.out.println(ensure(count));
  }
}
