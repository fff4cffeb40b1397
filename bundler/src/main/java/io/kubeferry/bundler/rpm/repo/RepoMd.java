package io.kubeferry.bundler.rpm.repo;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code repodata/repomd.xml}: for each metadata type (primary, filelists, modules, ...) where the file
 * is and what its checksums are.
 */
public record RepoMd(Map<String, Entry> entries) {
  /**
   * One {@code <data>} element.
   *
   * @param checksum {@code type:hex} of the stored (compressed) file
   * @param openChecksum {@code type:hex} of the uncompressed content, {@code null} if absent
   * @param size the stored size or -1
   */
  public record Entry(String type, String location, String checksum, String openChecksum, long size) {}

  public RepoMd {
    entries = Map.copyOf(entries);
  }

  /** The entry of the given type, if the repository has one. */
  public Optional<Entry> entry(String type) {
    return Optional.ofNullable(entries.get(type));
  }

  /** Parses repomd.xml bytes; {@code source} names the file in error messages. */
  public static RepoMd parse(byte[] xml, String source) throws RepoException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try {
      XmlScanner x = new XmlScanner(new ByteArrayInputStream(xml), source);
      String type = null;
      String location = null;
      String checksum = null;
      String open = null;
      long size = -1;
      for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
        String el = x.name();
        if (ev == XmlScanner.START) {
          switch (el) {
            case "data" -> {
              type = x.attr("type");
              location = checksum = open = null;
              size = -1;
            }
            case "location" -> location = x.attr("href");
            case "checksum" -> checksum = normalizeAlgo(x.attr("type")) + ":" + x.text().trim();
            case "open-checksum" -> open = normalizeAlgo(x.attr("type")) + ":" + x.text().trim();
            case "size" -> size = parseLong(x.text().trim());
            default -> { }
          }
        } else if (el.equals("data")) {
          if (type == null || location == null || checksum == null) {
            throw new RepoException("could not read " + source + ": a <data> element lacks type, location"
                + " or checksum");
          }
          entries.put(type, new Entry(type, location, checksum, open, size));
        }
      }
    } catch (java.io.IOException e) {
      throw new RepoException("could not read " + source + ": " + e.getMessage(), e);
    }
    if (!entries.containsKey("primary")) {
      throw new RepoException("could not read " + source + ": no primary metadata listed");
    }
    return new RepoMd(entries);
  }

  /** yum calls SHA-1 "sha" in old repos. */
  static String normalizeAlgo(String algo) {
    if (algo == null) {
      return "sha256";
    }
    return algo.equals("sha") ? "sha1" : algo;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
