package io.kubeferry.bundler.rpm.repo;

import java.util.List;

/** Renders repomd.xml as createrepo_c lays it out. */
final class RepomdXml {
  private RepomdXml() {}

  static String render(long revision, List<RepomdRecord> records) {
    StringBuilder s = new StringBuilder(2048);
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<repomd xmlns=\"http://linux.duke.edu/metadata/repo\" ")
        .append("xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\">\n")
        .append("  <revision>").append(revision).append("</revision>\n");
    for (RepomdRecord r : records) {
      s.append("  <data type=\"").append(r.type()).append("\">\n")
          .append("    <checksum type=\"sha256\">").append(r.checksum().hex()).append("</checksum>\n")
          .append("    <open-checksum type=\"sha256\">").append(r.openChecksum().hex()).append("</open-checksum>\n")
          .append("    <location");
      Xml.attr(s, "href", r.href());
      s.append("/>\n")
          .append("    <timestamp>").append(r.timestamp()).append("</timestamp>\n")
          .append("    <size>").append(r.size()).append("</size>\n")
          .append("    <open-size>").append(r.openSize()).append("</open-size>\n")
          .append("  </data>\n");
    }
    s.append("</repomd>\n");
    return s.toString();
  }
}
