package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.lab.yum.LabFiles;
import io.kubeferry.lab.yum.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Test helper: builds {@link TestSpec}s with the real rpmbuild (x86_64, fixed build time and host), specs in parallel. */
final class TestRpmBuilder {
  static final String ARCH = "x86_64";

  private TestRpmBuilder() {}

  /** Builds every spec into {@code outDir} (flat); returns the RPMs, spec by spec, package by package. */
  static List<Path> build(List<TestSpec> specs, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Path work = Files.createTempDirectory("kubeferry-test-rpmbuild");
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<List<Path>>> jobs = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        TestSpec spec = specs.get(i);
        Path dir = work.resolve(Integer.toString(i));
        jobs.add(pool.submit(() -> buildOne(spec, dir, outDir)));
      }
      List<Path> out = new ArrayList<>();
      for (Future<List<Path>> j : jobs) {
        out.addAll(j.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building test RPMs", e);
    } finally {
      // let running rpmbuilds finish before their directories go (and before a later failure hides the first)
      pool.shutdownNow();
      try {
        pool.awaitTermination(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LabFiles.deleteTree(work);
    }
  }

  private static List<Path> buildOne(TestSpec spec, Path work, Path outDir) throws IOException {
    Path specFile = work.resolve("test.spec");
    Files.createDirectories(work);
    Files.writeString(specFile, spec.write(work.resolve("root")));
    Processes.check(List.of("rpmbuild", "-bb", "--quiet", "--target", ARCH,
        "--define", "_topdir " + work.resolve("top"),
        "--define", "_rpmdir " + outDir,
        "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
        "--define", "use_source_date_epoch_as_buildtime 1",
        "--define", "clamp_mtime_to_source_date_epoch 1",
        "--define", "_buildhost corpus.kubeferry.invalid",
        specFile.toString()),
        Map.of("SOURCE_DATE_EPOCH", "1640995200"), work, 300);
    List<Path> out = new ArrayList<>();
    for (TestSpec.Package p : spec.packages()) {
      Path rpm = outDir.resolve(p.fileName(ARCH));
      if (!Files.isRegularFile(rpm)) {
        throw new IOException("could not build test RPM: rpmbuild wrote no " + rpm.getFileName());
      }
      out.add(rpm);
    }
    return out;
  }
}
