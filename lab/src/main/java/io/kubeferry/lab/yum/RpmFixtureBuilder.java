package io.kubeferry.lab.yum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds fixture RPMs with the real {@code rpmbuild} from generated spec files and signs them with real
 * {@code rpmsign}. Output is reproducible: fixed build time and host, gzip payload (EL7's rpm reads it), no
 * build-id links or debuginfo.
 */
public final class RpmFixtureBuilder {
  /** Build time of every fixture: 2022-01-01T00:00:00Z. */
  public static final long SOURCE_DATE_EPOCH = 1640995200L;

  private RpmFixtureBuilder() {}

  /**
   * Builds {@code packages} into {@code outDir} (flat, rpmbuild file names) and signs them with {@code key} when it
   * is non-null. Returns the RPM paths in input order.
   */
  public static List<Path> build(List<LabPackage> packages, Path outDir, LabGpgKey key) throws IOException {
    Files.createDirectories(outDir);
    Path work = Files.createTempDirectory("kubeferry-lab-rpmbuild");
    try {
      List<Path> out = new ArrayList<>();
      int i = 0;
      for (LabPackage pkg : packages) {
        out.add(buildOne(pkg, work.resolve(Integer.toString(i++)), outDir));
      }
      if (key != null) {
        // rpmsign takes many files per call; chunk to keep the command line bounded
        for (int from = 0; from < out.size(); from += 100) {
          key.rpmSign(out.subList(from, Math.min(out.size(), from + 100)));
        }
      }
      return out;
    } finally {
      LabFiles.deleteTree(work);
    }
  }

  private static Path buildOne(LabPackage pkg, Path work, Path outDir) throws IOException {
    Path staging = work.resolve("root");
    for (String f : pkg.files()) {
      Path target = staging.resolve(f.substring(1));
      Files.createDirectories(target.getParent());
      Files.write(target, TestDoublePayloads.content(pkg, f));
      // the mode on disk matters: rpmbuild's dependency generator adds "Requires: /bin/sh" only for executables
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
          TestDoublePayloads.executable(f) ? "rwxr-xr-x" : "rw-r--r--"));
    }
    Path spec = work.resolve(pkg.nevra().name() + ".spec");
    Files.writeString(spec, SpecWriter.spec(pkg, staging));
    String arch = pkg.nevra().arch().equals("noarch") ? "x86_64" : pkg.nevra().arch();
    Processes.check(List.of("rpmbuild", "-bb", "--quiet", "--target", arch,
        "--define", "_topdir " + work.resolve("top"),
        "--define", "_rpmdir " + outDir,
        "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
        "--define", "use_source_date_epoch_as_buildtime 1",
        "--define", "clamp_mtime_to_source_date_epoch 1",
        "--define", "_buildhost lab.kubeferry.invalid",
        spec.toString()),
        Map.of("SOURCE_DATE_EPOCH", Long.toString(SOURCE_DATE_EPOCH)), work, 300);
    Path rpm = outDir.resolve(pkg.fileName());
    if (!Files.isRegularFile(rpm)) {
      throw new IOException("could not build fixture RPM: rpmbuild wrote no " + rpm.getFileName());
    }
    return rpm;
  }
}
