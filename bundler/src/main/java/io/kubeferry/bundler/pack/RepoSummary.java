package io.kubeferry.bundler.pack;

import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.RpmEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Lists the RPMs of a yum repository (repomd.xml → primary.xml[.gz|.zst]) for the bundle manifest. The sha256 of
 * each package file comes from the bundle's own file hashes, not from the metadata. Thread-safe (stateless).
 */
final class RepoSummary {
  private RepoSummary() {}

  static List<RpmEntry> rpms(Path repo, java.util.Map<String, io.kubeferry.core.bundle.FileEntry> files)
      throws IOException {
    Document repomd = xml(Files.newInputStream(repo.resolve("repodata/repomd.xml")), "repomd.xml");
    String primaryHref = null;
    NodeList data = repomd.getElementsByTagName("data");
    for (int i = 0; i < data.getLength(); i++) {
      Element d = (Element) data.item(i);
      if ("primary".equals(d.getAttribute("type"))) {
        primaryHref = ((Element) d.getElementsByTagName("location").item(0)).getAttribute("href");
      }
    }
    if (primaryHref == null) {
      throw new IOException("could not list RPMs: repomd.xml has no primary data (input " + repo + ")");
    }
    Path primaryFile = repo.resolve(BundleLayout.checkPath(primaryHref));
    InputStream raw = Files.newInputStream(primaryFile);
    InputStream in = primaryHref.endsWith(".gz") ? new GZIPInputStream(raw)
        : primaryHref.endsWith(".zst") ? new com.github.luben.zstd.ZstdInputStream(raw) : raw;
    Document primary = xml(in, primaryHref);
    List<RpmEntry> out = new ArrayList<>();
    NodeList packages = primary.getElementsByTagName("package");
    for (int i = 0; i < packages.getLength(); i++) {
      Element p = (Element) packages.item(i);
      Element v = (Element) p.getElementsByTagName("version").item(0);
      String epoch = v.getAttribute("epoch");
      Nevra nevra = new Nevra(text(p, "name"), epoch.isEmpty() ? 0 : Integer.parseInt(epoch), v.getAttribute("ver"),
          v.getAttribute("rel"), text(p, "arch"));
      String href = ((Element) p.getElementsByTagName("location").item(0)).getAttribute("href");
      io.kubeferry.core.bundle.FileEntry file = files.get(BundleLayout.REPO + href);
      if (file == null) {
        throw new IOException("could not list RPMs: " + href + " is in primary.xml but not in the repo (input "
            + repo + ")");
      }
      out.add(new RpmEntry(nevra, file.path(), file.sha256(), file.size()));
    }
    return out;
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
  }

  private static Document xml(InputStream in, String what) throws IOException {
    try (in) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no XXE from repo metadata
      f.setNamespaceAware(false);
      return f.newDocumentBuilder().parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("could not read " + what + ": " + e.getMessage(), e);
    }
  }
}
