package io.kubeferry.bundler.rpm.repo;

/** XML escaping as libxml2 (and so createrepo_c) does it, dropping characters XML 1.0 cannot carry. */
final class Xml {
  private Xml() {}

  static void text(StringBuilder out, String s) {
    escape(out, s, false);
  }

  static void attr(StringBuilder out, String name, String value) {
    out.append(' ').append(name).append("=\"");
    escape(out, value, true);
    out.append('"');
  }

  private static void escape(StringBuilder out, String s, boolean attr) {
    if (s == null) {
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attr ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        case '\n' -> out.append(attr ? "&#10;" : "\n");
        case '\t' -> out.append(attr ? "&#9;" : "\t");
        default -> {
          if (c < 0x20 || c == 0xfffe || c == 0xffff) {
            out.append('?');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
