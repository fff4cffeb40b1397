package io.kubeferry.bundler.rpm.repo;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
      XMLStreamReader r = SecureXml.reader(new ByteArrayInputStream(xml));
      String type = null;
      String location = null;
      String checksum = null;
      String open = null;
      long size = -1;
      String pendingAlgo = null;
      String element = null;
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new RepoException("could not read " + source + ": DOCTYPE is not allowed in repository metadata");
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          element = r.getLocalName();
          text.setLength(0);
          switch (element) {
            case "data" -> {
              type = r.getAttributeValue(null, "type");
              location = checksum = open = null;
              size = -1;
            }
            case "location" -> location = r.getAttributeValue(null, "href");
            case "checksum", "open-checksum" -> pendingAlgo = r.getAttributeValue(null, "type");
            default -> { }
          }
        } else if (ev == XMLStreamConstants.CHARACTERS) {
          text.append(r.getText());
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          switch (name) {
            case "checksum" -> checksum = normalizeAlgo(pendingAlgo) + ":" + text.toString().trim();
            case "open-checksum" -> open = normalizeAlgo(pendingAlgo) + ":" + text.toString().trim();
            case "size" -> size = parseLong(text.toString().trim());
            case "data" -> {
              if (type == null || location == null || checksum == null) {
                throw new RepoException("could not read " + source + ": a <data> element lacks type, location"
                    + " or checksum");
              }
              entries.put(type, new Entry(type, location, checksum, open, size));
            }
            default -> { }
          }
          text.setLength(0);
        }
      }
    } catch (XMLStreamException e) {
      throw new RepoException("could not read " + source + ": malformed XML: " + e.getMessage(), e);
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
