package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams filelists.xml and keeps only the wanted paths, so memory stays bounded by the question, not by the
 * (often 100+ MiB) document.
 */
final class FilelistsParser {
  private FilelistsParser() {}

  static Map<String, List<String>> owners(InputStream in, String source, Set<String> wanted, String checksumType)
      throws RepoException, IOException {
    Map<String, List<String>> result = new HashMap<>();
    XmlScanner x = new XmlScanner(in, source);
    String pkgid = null;
    for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
      if (ev != XmlScanner.START) {
        continue;
      }
      if (x.name().equals("package")) {
        pkgid = checksumType + ":" + x.attr("pkgid");
      } else if (x.name().equals("file") && !x.selfClosing()) {
        String path = x.text();
        if (pkgid != null && wanted.contains(path)) {
          result.computeIfAbsent(path, k -> new ArrayList<>(2)).add(pkgid);
        }
      }
    }
    return result;
  }
}
