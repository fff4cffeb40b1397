package io.kubeferry.bundler.rpm;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Test helper: the comparable content of a repo's primary.xml (found through repomd.xml), keyed by pkgid. Each
 * package becomes a map of field → text, with dependency lists rendered one entry per line
 * ({@code name [FLAGS [epoch:]ver[-rel]] [(pre)]}), so two repodata sets can be compared with assertEquals and a
 * readable diff.
 */
final class PrimarySnapshot {
  private PrimarySnapshot() {}

  static Map<String, Map<String, String>> of(Path repoDir) throws Exception {
    Document primary = metadata(repoDir, "primary");
    Map<String, Map<String, String>> out = new TreeMap<>();
    NodeList pkgs = primary.getElementsByTagName("package");
    for (int i = 0; i < pkgs.getLength(); i++) {
      Element p = (Element) pkgs.item(i);
      Map<String, String> m = new TreeMap<>();
      Element v = child(p, "version");
      m.put("nevra", text(p, "name") + "-" + v.getAttribute("epoch") + ":" + v.getAttribute("ver") + "-"
          + v.getAttribute("rel") + "." + text(p, "arch"));
      for (String f : List.of("summary", "description", "packager", "url")) {
        m.put(f, text(p, f));
      }
      Element checksum = child(p, "checksum");
      m.put("checksum", checksum.getAttribute("type") + ":" + checksum.getTextContent());
      Element size = child(p, "size");
      m.put("size", size.getAttribute("package") + "/" + size.getAttribute("installed") + "/"
          + size.getAttribute("archive"));
      m.put("time.build", child(p, "time").getAttribute("build"));
      m.put("location", child(p, "location").getAttribute("href"));
      Element format = child(p, "format");
      for (String f : List.of("rpm:license", "rpm:vendor", "rpm:group", "rpm:buildhost", "rpm:sourcerpm")) {
        m.put(f, text(format, f));
      }
      Element hr = child(format, "rpm:header-range");
      m.put("header-range", hr.getAttribute("start") + "-" + hr.getAttribute("end"));
      for (String kind : List.of("provides", "requires", "conflicts", "obsoletes", "recommends", "suggests",
          "supplements", "enhances")) {
        Element list = child(format, "rpm:" + kind);
        if (list != null) {
          List<String> entries = new ArrayList<>();
          NodeList es = list.getElementsByTagName("rpm:entry");
          for (int j = 0; j < es.getLength(); j++) {
            Element e = (Element) es.item(j);
            entries.add(entry(e));
          }
          m.put(kind, String.join("\n", entries));
        }
      }
      List<String> files = new ArrayList<>();
      NodeList fs = format.getElementsByTagName("file");
      for (int j = 0; j < fs.getLength(); j++) {
        Element f = (Element) fs.item(j);
        files.add(f.getAttribute("type") + ":" + f.getTextContent());
      }
      m.put("files", String.join("\n", files));
      out.put(checksum.getTextContent(), m);
    }
    return out;
  }

  /** The parsed (gunzipped) metadata file of {@code type} (primary, filelists, other) that repomd.xml names. */
  static Document metadata(Path repoDir, String type) throws Exception {
    Document repomd = parse(Files.newInputStream(repoDir.resolve("repodata/repomd.xml")));
    NodeList data = repomd.getElementsByTagName("data");
    for (int i = 0; i < data.getLength(); i++) {
      Element d = (Element) data.item(i);
      if (d.getAttribute("type").equals(type)) {
        String href = ((Element) d.getElementsByTagName("location").item(0)).getAttribute("href");
        return parse(new GZIPInputStream(Files.newInputStream(repoDir.resolve(href))));
      }
    }
    throw new AssertionError("no " + type + " in " + repoDir.resolve("repodata/repomd.xml"));
  }

  /** {@code name [FLAGS [epoch:]ver[-rel]] [(pre)]}, every attribute kept apart. */
  private static String entry(Element e) {
    StringBuilder s = new StringBuilder(e.getAttribute("name"));
    if (e.hasAttribute("flags")) {
      s.append(' ').append(e.getAttribute("flags")).append(' ');
      if (e.hasAttribute("epoch")) {
        s.append(e.getAttribute("epoch")).append(':');
      }
      s.append(e.getAttribute("ver"));
      if (e.hasAttribute("rel")) {
        s.append('-').append(e.getAttribute("rel"));
      }
    }
    if (e.hasAttribute("pre")) {
      s.append(e.getAttribute("pre").equals("1") ? " (pre)" : " pre=" + e.getAttribute("pre"));
    }
    return s.toString();
  }

  private static Document parse(InputStream in) throws Exception {
    try (in) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(in);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent();
  }
}
