package io.kubeferry.bundler.rpm.repo;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams filelists.xml and keeps only the wanted paths, so memory stays bounded by the question, not by the
 * (often 100+ MiB) document.
 */
final class FilelistsParser {
  private FilelistsParser() {}

  static Map<String, List<String>> owners(InputStream in, String source, Set<String> wanted, String checksumType)
      throws RepoException, XMLStreamException {
    Map<String, List<String>> result = new HashMap<>();
    XMLStreamReader r = SecureXml.reader(in);
    String pkgid = null;
    boolean inFile = false;
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        throw new RepoException("could not read " + source + ": DOCTYPE is not allowed in repository metadata");
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        String el = r.getLocalName();
        if (el.equals("package")) {
          pkgid = checksumType + ":" + r.getAttributeValue(null, "pkgid");
        } else if (el.equals("file")) {
          inFile = true;
          text.setLength(0);
        }
      } else if (ev == XMLStreamConstants.CHARACTERS && inFile) {
        text.append(r.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT && inFile) {
        inFile = false;
        String path = text.toString();
        if (pkgid != null && wanted.contains(path)) {
          result.computeIfAbsent(path, k -> new ArrayList<>(2)).add(pkgid);
        }
      }
    }
    return result;
  }
}
