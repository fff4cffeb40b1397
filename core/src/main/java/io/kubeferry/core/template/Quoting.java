package io.kubeferry.core.template;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How values reach the output. A bare placeholder takes only a plain token: letters, digits and
 * {@code . _ : / @ + = , - [ ]}, starting with a letter, digit, {@code /} or {@code [}. Such a token cannot end a
 * quoted string, start a comment, a new line or a new key in YAML, TOML, JSON, INI-style configs, systemd units or
 * shell scripts, so it is safe bare or inside double quotes in all of them. Anything else must be asked for with
 * {@code | quoted}: a double-quoted string whose escapes (backslash before {@code " \ n t r b f}, and backslash-u with
 * four hex digits for other control characters) mean the same in
 * YAML 1.1/1.2, JSON and TOML basic strings.
 */
final class Quoting {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9/\\[][A-Za-z0-9._:/@+=,\\[\\]-]*");

  private Quoting() {}

  /** Null when {@code text} is a plain token, else why not (naming the character, never the value). */
  static String whyNotToken(String text) {
    if (TOKEN.matcher(text).matches()) {
      return null;
    }
    int bad = 0;
    while (bad < text.length() && TOKEN.matcher(text.substring(0, bad + 1)).matches()) {
      bad++;
    }
    int cp = text.codePointAt(bad);
    String shown = cp < 0x20 || cp == 0x7f ? String.format("U+%04X", cp) : "'" + Character.toString(cp) + "'";
    return (bad == 0 ? "starts with " : "contains ") + shown + " at offset " + bad;
  }

  /** A double-quoted string valid in YAML, JSON and TOML. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          // C0/DEL, and the characters YAML treats as line breaks (NEL, LS, PS).
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A flow list of quoted strings, {@code ["a", "b"]}; {@code []} when empty. Same syntax in YAML/JSON/TOML. */
  static String quoteAll(List<String> items) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
    }
    return b.append(']').toString();
  }
}
