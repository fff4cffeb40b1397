package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmChangelog;
import io.kubeferry.bundler.rpm.RpmDependency;
import io.kubeferry.bundler.rpm.RpmFileEntry;
import io.kubeferry.bundler.rpm.RpmHeader;
import java.util.List;
import java.util.Objects;

/**
 * Renders one package's {@code <package>} element for primary.xml, filelists.xml and other.xml in createrepo_c's
 * layout, with createrepo_c's dependency lists ({@link PrimaryDependencies}). Stateless.
 */
final class PackageXml {
  private PackageXml() {}

  static void primary(StringBuilder s, IndexedPackage p) {
    RpmHeader h = p.rpm().header();
    var n = h.nevra();
    s.append("<package type=\"rpm\">\n  <name>");
    Xml.text(s, n.name());
    s.append("</name>\n  <arch>");
    Xml.text(s, n.arch());
    s.append("</arch>\n");
    version(s, h);
    s.append("  <checksum type=\"sha256\" pkgid=\"YES\">").append(p.rpm().sha256().hex()).append("</checksum>\n");
    element(s, "  ", "summary", h.summary());
    element(s, "  ", "description", h.description());
    element(s, "  ", "packager", h.packager());
    element(s, "  ", "url", h.url());
    // file time = build time, not the file's mtime: the same RPMs give the same repodata wherever they were copied
    s.append("  <time file=\"").append(h.buildTime()).append("\" build=\"").append(h.buildTime()).append("\"/>\n")
        .append("  <size package=\"").append(p.rpm().size()).append("\" installed=\"").append(h.installedSize())
        .append("\" archive=\"").append(h.archiveSize()).append("\"/>\n")
        .append("  <location");
    Xml.attr(s, "href", p.href());
    s.append("/>\n  <format>\n");
    element(s, "    ", "rpm:license", h.license());
    element(s, "    ", "rpm:vendor", h.vendor());
    element(s, "    ", "rpm:group", h.group());
    element(s, "    ", "rpm:buildhost", h.buildHost());
    element(s, "    ", "rpm:sourcerpm", h.sourceRpm());
    s.append("    <rpm:header-range start=\"").append(p.rpm().headerStart()).append("\" end=\"")
        .append(p.rpm().headerEnd()).append("\"/>\n");
    PrimaryDependencies d = PrimaryDependencies.of(h);
    deps(s, "provides", d.provides(), false);
    deps(s, "requires", d.requires(), true);
    deps(s, "conflicts", d.conflicts(), false);
    deps(s, "obsoletes", d.obsoletes(), false);
    deps(s, "suggests", d.suggests(), false);
    deps(s, "enhances", d.enhances(), false);
    deps(s, "recommends", d.recommends(), false);
    deps(s, "supplements", d.supplements(), false);
    for (RpmFileEntry f : h.files()) {
      if (f.primary()) {
        file(s, "    ", f);
      }
    }
    s.append("  </format>\n</package>\n");
  }

  static void filelists(StringBuilder s, IndexedPackage p) {
    head(s, p);
    for (RpmFileEntry f : p.rpm().header().files()) {
      file(s, "  ", f);
    }
    s.append("</package>\n");
  }

  static void other(StringBuilder s, IndexedPackage p) {
    head(s, p);
    for (RpmChangelog c : OtherChangelogs.of(p.rpm().header().changelogs())) {
      s.append("  <changelog");
      Xml.attr(s, "author", c.author());
      s.append(" date=\"").append(c.time()).append("\">");
      Xml.text(s, c.text());
      s.append("</changelog>\n");
    }
    s.append("</package>\n");
  }

  private static void head(StringBuilder s, IndexedPackage p) {
    var n = p.rpm().header().nevra();
    s.append("<package pkgid=\"").append(p.rpm().sha256().hex()).append('"');
    Xml.attr(s, "name", n.name());
    Xml.attr(s, "arch", n.arch());
    s.append(">\n");
    version(s, p.rpm().header());
  }

  private static void version(StringBuilder s, RpmHeader h) {
    var n = h.nevra();
    s.append("  <version epoch=\"").append(n.epoch()).append('"');
    Xml.attr(s, "ver", n.version());
    Xml.attr(s, "rel", n.release());
    s.append("/>\n");
  }

  private static void element(StringBuilder s, String indent, String name, String text) {
    s.append(indent).append('<').append(name).append('>');
    Xml.text(s, text);
    s.append("</").append(name).append(">\n");
  }

  private static void deps(StringBuilder s, String kind, List<RpmDependency> deps, boolean requires) {
    if (deps.isEmpty()) {
      return;
    }
    s.append("    <rpm:").append(kind).append(">\n");
    for (RpmDependency d : deps) {
      if (d.name().isEmpty()) {
        continue;
      }
      s.append("      <rpm:entry");
      Xml.attr(s, "name", d.name());
      String rel = d.relation();
      if (rel != null) {
        s.append(" flags=\"").append(rel).append('"');
        attrIfPresent(s, "epoch", d.epoch());
        attrIfPresent(s, "ver", d.version());
        attrIfPresent(s, "rel", d.release());
      }
      if (requires && d.pre()) {
        s.append(" pre=\"1\"");
      }
      s.append("/>\n");
    }
    s.append("    </rpm:").append(kind).append(">\n");
  }

  private static void attrIfPresent(StringBuilder s, String name, String value) {
    if (value != null && !value.isEmpty()) {
      Xml.attr(s, name, value);
    }
  }

  private static void file(StringBuilder s, String indent, RpmFileEntry f) {
    s.append(indent).append("<file");
    if (f.type() == RpmFileEntry.Type.DIR) {
      s.append(" type=\"dir\"");
    } else if (f.type() == RpmFileEntry.Type.GHOST) {
      s.append(" type=\"ghost\"");
    }
    s.append('>');
    Xml.text(s, Objects.requireNonNull(f.path()));
    s.append("</file>\n");
  }
}
