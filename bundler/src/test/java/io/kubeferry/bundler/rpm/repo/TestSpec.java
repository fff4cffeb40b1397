package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: one rpmbuild spec whose main package and subpackages each get their own name, epoch, version and
 * release (one rpmbuild run makes them all, which keeps a corpus of hundreds of RPMs fast). Dependencies and
 * scriptlets are spec lines as written; files come from a staging tree, with their modes on disk, since rpmbuild's
 * dependency generators (elfdeps, script.req) only look at executables.
 */
final class TestSpec {
  /** A payload file: absolute path, content, executable or not, and the {@code %files} directive before it. */
  record File(String path, byte[] content, boolean executable, String directive) {}

  /** One binary package of the spec. {@code lines} go into its preamble, {@code scripts} after its description. */
  record Package(String name, int epoch, String version, String release, boolean noarch, List<String> lines,
      List<String> scripts, List<File> files) {

    String fileName(String specArch) {
      return name + "-" + version + "-" + release + "." + (noarch ? "noarch" : specArch) + ".rpm";
    }
  }

  private final List<Package> packages = new ArrayList<>();
  private String changelog = "* Sat Jan 01 2022 Corpus <corpus@kubeferry.invalid> - 1-1\n- Generated.\n";

  /** Adds a package; the first one added is the spec's main package. */
  TestSpec add(Package p) {
    packages.add(p);
    return this;
  }

  /** Replaces the %changelog body (every package of a spec carries the spec's changelog). */
  TestSpec changelog(String body) {
    changelog = body;
    return this;
  }

  List<Package> packages() {
    return packages;
  }

  /** Writes the payload files under {@code staging} and returns the spec text that packages them. */
  String write(Path staging) throws IOException {
    Files.createDirectories(staging);
    StringBuilder s = new StringBuilder()
        .append("%define _build_id_links none\n")
        .append("%global debug_package %{nil}\n")
        .append("%define __os_install_post %{nil}\n")
        // no compression: the corpus is about headers, and gzip would be most of rpmbuild's time
        .append("%define _binary_payload w.ufdio\n")
        // third-party packages carry malformed versions (epoch "abc:", "1-2-3"); rpmbuild only warns about them then
        .append("%define _wrong_version_format_terminate_build 0\n")
        .append("%define _binaries_in_noarch_packages_terminate_build 0\n");
    for (int i = 0; i < packages.size(); i++) {
      Package p = packages.get(i);
      String sub = i == 0 ? "" : " -n " + p.name();
      if (i > 0) {
        s.append("\n%package").append(sub).append('\n');
      } else {
        s.append("Name: ").append(p.name()).append('\n');
      }
      s.append("Summary: corpus package ").append(p.name()).append(" <&> \"quoted\"\n");
      if (p.epoch() != 0) {
        s.append("Epoch: ").append(p.epoch()).append('\n');
      }
      s.append("Version: ").append(p.version()).append('\n').append("Release: ").append(p.release()).append('\n');
      if (i == 0) {
        s.append("License: MIT\nURL: https://corpus.kubeferry.invalid/").append(p.name()).append('\n');
      }
      if (p.noarch()) {
        s.append("BuildArch: noarch\n");
      }
      p.lines().forEach(l -> s.append(l).append('\n'));
      s.append("\n%description").append(sub).append("\nGenerated package ").append(p.name()).append(".\n\n");
      p.scripts().forEach(l -> s.append(l.replace("%NAME%", sub)).append('\n'));
    }
    s.append("\n%install\nmkdir -p %{buildroot}\ncp -a '").append(staging).append("/.' %{buildroot}/\n");
    for (int i = 0; i < packages.size(); i++) {
      Package p = packages.get(i);
      s.append("\n%files").append(i == 0 ? "" : " -n " + p.name()).append('\n');
      for (File f : p.files()) {
        boolean dir = f.directive().startsWith("%dir");
        Path target = staging.resolve(f.path().substring(1));
        if (dir) {
          Files.createDirectories(target);
        } else if (!f.directive().startsWith("%ghost")) {
          Files.createDirectories(target.getParent());
          Files.write(target, f.content());
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
              f.executable() ? "rwxr-xr-x" : "rw-r--r--"));
        }
        s.append(f.directive()).append('"').append(f.path()).append("\"\n");
      }
    }
    s.append("\n%changelog\n").append(changelog);
    return s.toString();
  }
}
