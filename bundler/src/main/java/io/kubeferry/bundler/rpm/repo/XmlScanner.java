package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal, fast pull scanner for the regular XML of yum metadata (primary.xml, filelists.xml): start and end
 * tags with attributes, text, comments, CDATA and the XML declaration. It is hardened by construction: a DOCTYPE
 * (and so any entity declaration) is an error, and only the five predefined entities and character references are
 * decoded; any other entity reference is an error. Strings are shared through a byte-level interner so that the
 * ~1M repeated names of a large primary cost no allocations. Not thread-safe.
 */
final class XmlScanner {
  static final int START = 1;
  static final int END = 2;
  static final int EOF = 3;

  private static final int MAX_TOKEN = 1 << 24;
  private final InputStream in;
  private final String source;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long consumed;

  private String name;
  private boolean selfClosing;
  private int attrCount;
  private String[] attrNames = new String[8];
  private String[] attrValues = new String[8];
  private final StringInterner interner = new StringInterner();
  private byte[] scratch = new byte[256];

  XmlScanner(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Name of the current start/end tag, without namespace prefix. */
  String name() {
    return name;
  }

  boolean selfClosing() {
    return selfClosing;
  }

  /** Attribute value of the current start tag, or null. */
  String attr(String attrName) {
    for (int i = 0; i < attrCount; i++) {
      if (attrNames[i].equals(attrName)) {
        return attrValues[i];
      }
    }
    return null;
  }

  /**
   * Advances to the next start or end tag, skipping text (call {@link #text} right after a start tag to read
   * it instead). A self-closing tag reports START with {@link #selfClosing()} true and no END.
   */
  int next() throws IOException, RepoException {
    while (true) {
      int i = pos;
      while (i < limit && buf[i] != '<') {
        i++;
      }
      if (i == limit) {
        pos = limit;
        if (!fill()) {
          return EOF;
        }
        continue;
      }
      pos = i + 1;
      int c = peek();
      if (c == '/') {
        pos++;
        name = readName();
        skipUntil('>');
        return END;
      }
      if (c == '?') {
        skipPast("?>");
        continue;
      }
      if (c == '!') {
        pos++;
        if (startsWith("--")) {
          skipPast("-->");
          continue;
        }
        if (startsWith("[CDATA[")) {
          skipPast("]]>");
          continue;
        }
        throw error("DOCTYPE and other declarations are not allowed in repository metadata");
      }
      readStartTag();
      return START;
    }
  }

  /** The text content up to the next tag (entities decoded, CDATA included, comments skipped). */
  String text() throws IOException, RepoException {
    int len = 0;
    while (true) {
      int b = peek();
      if (b < 0) {
        throw error("unexpected end of document (truncated?)");
      }
      if (b == '<') {
        if (startsWith("<![CDATA[")) {
          pos += 9;
          while (!startsWith("]]>")) {
            int x = read();
            if (x < 0) {
              throw error("unterminated CDATA");
            }
            len = put(len, x);
          }
          pos += 3;
          continue;
        }
        if (startsWith("<!--")) {
          skipPast("-->");
          continue;
        }
        return interner.get(scratch, len);
      }
      pos++;
      len = b == '&' ? entity(len) : put(len, b);
    }
  }

  private void readStartTag() throws IOException, RepoException {
    name = readName();
    attrCount = 0;
    selfClosing = false;
    while (true) {
      int b = readNonSpace();
      if (b == '>') {
        return;
      }
      if (b == '/') {
        if (read() != '>') {
          throw error("malformed tag <" + name + ">");
        }
        selfClosing = true;
        return;
      }
      if (b < 0) {
        throw error("unexpected end of document (truncated?)");
      }
      pos--;
      String attr = readName();
      if (readNonSpace() != '=') {
        throw error("malformed attribute " + attr + " in <" + name + ">");
      }
      int quote = readNonSpace();
      if (quote != '"' && quote != '\'') {
        throw error("unquoted attribute " + attr + " in <" + name + ">");
      }
      int len = 0;
      for (int x = read(); x != quote; x = read()) {
        if (x < 0) {
          throw error("unexpected end of document (truncated?)");
        }
        if (x == '<') {
          throw error("'<' in attribute " + attr);
        }
        len = x == '&' ? entity(len) : put(len, x);
      }
      if (attrCount == attrNames.length) {
        attrNames = Arrays.copyOf(attrNames, attrCount * 2);
        attrValues = Arrays.copyOf(attrValues, attrCount * 2);
      }
      attrNames[attrCount] = attr;
      attrValues[attrCount++] = interner.get(scratch, len);
    }
  }

  /** A tag or attribute name; a namespace prefix ({@code rpm:}) is dropped. */
  private String readName() throws IOException, RepoException {
    int len = 0;
    while (true) {
      int b = peek();
      if (b < 0) {
        throw error("unexpected end of document (truncated?)");
      }
      if (b == '>' || b == '/' || b == '=' || b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        break;
      }
      pos++;
      if (b == ':') {
        len = 0;
        continue;
      }
      len = put(len, b);
    }
    if (len == 0) {
      throw error("missing name");
    }
    return interner.get(scratch, len);
  }

  private int entity(int len) throws IOException, RepoException {
    StringBuilder ref = new StringBuilder();
    for (int x = read(); x != ';'; x = read()) {
      if (x < 0 || ref.length() > 10) {
        throw error("malformed entity reference");
      }
      ref.append((char) x);
    }
    String r = ref.toString();
    String decoded = switch (r) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> {
        if (r.startsWith("#")) {
          try {
            int cp = r.startsWith("#x") ? Integer.parseInt(r.substring(2), 16) : Integer.parseInt(r.substring(1));
            yield new String(Character.toChars(cp));
          } catch (IllegalArgumentException e) {
            throw error("bad character reference &" + r + ";");
          }
        }
        throw error("entity &" + r + "; is not allowed (no DTD, no entity expansion)");
      }
    };
    for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
      len = put(len, b & 0xff);
    }
    return len;
  }

  private int put(int len, int b) throws RepoException {
    if (len == scratch.length) {
      if (len >= MAX_TOKEN) {
        throw error("text longer than 16 MiB");
      }
      scratch = Arrays.copyOf(scratch, len * 2);
    }
    scratch[len] = (byte) b;
    return len + 1;
  }

  private int readNonSpace() throws IOException {
    int b;
    do {
      b = read();
    } while (b == ' ' || b == '\t' || b == '\n' || b == '\r');
    return b;
  }

  private void skipUntil(int c) throws IOException, RepoException {
    for (int b = read(); b != c; b = read()) {
      if (b < 0) {
        throw error("unexpected end of document (truncated?)");
      }
    }
  }

  private void skipPast(String end) throws IOException, RepoException {
    while (!startsWith(end)) {
      if (read() < 0) {
        throw error("unexpected end of document (truncated?)");
      }
    }
    pos += end.length();
  }

  private boolean startsWith(String s) throws IOException {
    return startsWithAt(0, s);
  }

  private boolean startsWithAt(int offset, String s) throws IOException {
    if (!ensure(offset + s.length())) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[pos + offset + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  private boolean ensure(int n) throws IOException {
    while (limit - pos < n) {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        consumed += pos;
        limit -= pos;
        pos = 0;
      }
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        return false;
      }
      limit += r;
    }
    return true;
  }

  private boolean fill() throws IOException {
    consumed += limit;
    pos = 0;
    limit = 0;
    int r;
    do {
      r = in.read(buf, 0, buf.length);
    } while (r == 0);
    if (r < 0) {
      return false;
    }
    limit = r;
    return true;
  }

  private RepoException error(String what) {
    return new RepoException("could not read " + source + ": " + what + " (at byte " + (consumed + pos) + ")");
  }

  /** Interns UTF-8 byte sequences as Strings without allocating for repeats. */
  static final class StringInterner {
    private final Map<Key, String> map = new HashMap<>();
    private final Key probe = new Key(null, 0, 0);

    String get(byte[] bytes, int len) {
      probe.set(bytes, len);
      String s = map.get(probe);
      if (s == null) {
        byte[] copy = Arrays.copyOf(bytes, len);
        s = new String(copy, StandardCharsets.UTF_8);
        if (len <= 256) {
          Key k = new Key(copy, len, probe.hash);
          map.put(k, s);
        }
      }
      return s;
    }

    /** A byte-range key; the probe instance is reused for lookups. */
    private static final class Key {
      byte[] bytes;
      int len;
      int hash;

      Key(byte[] bytes, int len, int hash) {
        this.bytes = bytes;
        this.len = len;
        this.hash = hash;
      }

      void set(byte[] b, int l) {
        bytes = b;
        len = l;
        int h = 1;
        for (int i = 0; i < l; i++) {
          h = 31 * h + b[i];
        }
        hash = h;
      }

      @Override
      public int hashCode() {
        return hash;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Key k && k.len == len && Arrays.equals(bytes, 0, len, k.bytes, 0, len);
      }
    }
  }
}
