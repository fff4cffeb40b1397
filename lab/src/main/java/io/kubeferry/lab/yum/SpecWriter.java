package io.kubeferry.lab.yum;

import java.nio.file.Path;
import java.util.List;

/** Writes the rpmbuild spec file for one {@link LabPackage}; the payload is copied from a staging directory. */
final class SpecWriter {
  private SpecWriter() {}

  static String spec(LabPackage pkg, Path staging) {
    var n = pkg.nevra();
    StringBuilder s = new StringBuilder();
    s.append("%define _build_id_links none\n")
        .append("%global debug_package %{nil}\n")
        .append("%define __os_install_post %{nil}\n")
        .append("%define _binary_payload w9.gzdio\n")
        .append("%define _binary_filedigest_algorithm 8\n")
        .append("Name: ").append(n.name()).append('\n');
    if (n.epoch() != 0) {
      s.append("Epoch: ").append(n.epoch()).append('\n');
    }
    s.append("Version: ").append(n.version()).append('\n')
        .append("Release: ").append(n.release()).append('\n')
        .append("Summary: kubeferry lab fixture ").append(n.name()).append(" (TEST DOUBLE)\n")
        .append("License: ASL 2.0\n")
        .append("URL: https://lab.kubeferry.invalid/").append(n.name()).append('\n');
    if (n.arch().equals("noarch")) {
      s.append("BuildArch: noarch\n");
    }
    tags(s, "Requires", pkg.requires());
    tags(s, "Provides", pkg.provides());
    tags(s, "Obsoletes", pkg.obsoletes());
    tags(s, "Conflicts", pkg.conflicts());
    tags(s, "Recommends", pkg.recommends());
    tags(s, "Suggests", pkg.suggests());
    tags(s, "Supplements", pkg.supplements());
    tags(s, "Enhances", pkg.enhances());
    s.append("\n%description\nkubeferry lab fixture package ").append(n)
        .append(".\nIts programs are test doubles that print \"").append(TestDoublePayloads.MARKER)
        .append("\"; it is not the real software.\n\n")
        .append("%install\nmkdir -p %{buildroot}\ncp -a '").append(staging).append("/.' %{buildroot}/\n\n")
        .append("%files\n");
    for (String f : pkg.files()) {
      String mode = TestDoublePayloads.executable(f) ? "0755" : "0644";
      s.append(f.startsWith("/etc/") ? "%config(noreplace) " : "")
          .append("%attr(").append(mode).append(",root,root) ").append(f).append('\n');
    }
    s.append("\n%changelog\n* Sat Jan 01 2022 kubeferry lab <lab@lab.kubeferry.invalid> - ")
        .append(n.version()).append('-').append(n.release()).append("\n- Lab fixture build.\n");
    return s.toString();
  }

  private static void tags(StringBuilder s, String tag, List<String> values) {
    for (String v : values) {
      s.append(tag).append(": ").append(v).append('\n');
    }
  }
}
