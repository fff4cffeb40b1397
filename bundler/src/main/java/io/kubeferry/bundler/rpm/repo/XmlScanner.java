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
    // Fast path: the text and the '<' after it are in the buffer, with no entity or CDATA.
    for (int i = pos; i < limit; i++) {
      byte c = buf[i];
      if (c == '&') {
        break;
      }
      if (c == '<') {
        if (i + 1 < limit && buf[i + 1] != '!') {
          String t = interner.get(buf, pos, i - pos);
          pos = i;
          return t;
        }
        break;
      }
    }
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
    int gt = findTagEnd();
    attrCount = 0;
    selfClosing = false;
    int i = pos;
    int nameStart = i;
    while (i < gt && !isSpace(buf[i]) && buf[i] != '/') {
      if (buf[i] == ':') {
        nameStart = i + 1;
      }
      i++;
    }
    if (i == nameStart) {
      throw error("missing name");
    }
    name = interner.get(buf, nameStart, i - nameStart);
    while (true) {
      while (i < gt && isSpace(buf[i])) {
        i++;
      }
      if (i == gt) {
        break;
      }
      if (buf[i] == '/') {
        if (i + 1 != gt) {
          throw error("malformed tag <" + name + ">");
        }
        selfClosing = true;
        break;
      }
      int an = i;
      int anStart = i;
      while (i < gt && buf[i] != '=' && !isSpace(buf[i])) {
        if (buf[i] == ':') {
          anStart = i + 1;
        }
        i++;
      }
      String attr = interner.get(buf, anStart, i - anStart);
      while (i < gt && isSpace(buf[i])) {
        i++;
      }
      if (i == gt || buf[i] != '=' || an == i) {
        throw error("malformed attribute " + attr + " in <" + name + ">");
      }
      i++;
      while (i < gt && isSpace(buf[i])) {
        i++;
      }
      byte quote = i < gt ? buf[i] : 0;
      if (quote != '"' && quote != '\'') {
        throw error("unquoted attribute " + attr + " in <" + name + ">");
      }
      int vs = ++i;
      boolean amp = false;
      while (i < gt && buf[i] != quote) {
        if (buf[i] == '<') {
          throw error("'<' in attribute " + attr);
        }
        amp |= buf[i] == '&';
        i++;
      }
      if (i == gt) {
        throw error("unterminated attribute " + attr + " in <" + name + ">");
      }
      String value = amp ? decode(vs, i) : interner.get(buf, vs, i - vs);
      i++;
      if (attrCount == attrNames.length) {
        attrNames = Arrays.copyOf(attrNames, attrCount * 2);
        attrValues = Arrays.copyOf(attrValues, attrCount * 2);
      }
      attrNames[attrCount] = attr;
      attrValues[attrCount++] = value;
    }
    pos = gt + 1;
  }

  /** Makes sure the whole tag up to its '>' (outside quotes) is in the buffer; returns the index of '>'. */
  private int findTagEnd() throws IOException, RepoException {
    int from = 0;
    while (true) {
      byte quote = 0;
      for (int i = pos + from; i < limit; i++) {
        byte c = buf[i];
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          return i;
        }
      }
      from = 0;
      if (limit - pos >= MAX_TOKEN) {
        throw error("tag longer than 16 MiB");
      }
      if (pos == 0 && limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      if (!ensure(limit - pos + 1)) {
        throw error("unexpected end of document (truncated?)");
      }
    }
  }

  /** An attribute value with entity references, decoded. */
  private String decode(int from, int to) throws RepoException {
    int len = 0;
    for (int i = from; i < to; i++) {
      int b = buf[i] & 0xff;
      if (b != '&') {
        len = put(len, b);
        continue;
      }
      int semi = i + 1;
      while (semi < to && buf[semi] != ';') {
        semi++;
      }
      if (semi == to || semi - i > 12) {
        throw error("malformed entity reference");
      }
      len = putEntity(len, new String(buf, i + 1, semi - i - 1, StandardCharsets.US_ASCII));
      i = semi;
    }
    return interner.get(scratch, 0, len);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
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
    return putEntity(len, ref.toString());
  }

  private int putEntity(int len, String r) throws RepoException {
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
    private final Key probe = new Key(null, 0, 0, 0);

    String get(byte[] bytes, int len) {
      return get(bytes, 0, len);
    }

    String get(byte[] bytes, int off, int len) {
      probe.set(bytes, off, len);
      String s = map.get(probe);
      if (s == null) {
        byte[] copy = Arrays.copyOfRange(bytes, off, off + len);
        s = new String(copy, StandardCharsets.UTF_8);
        if (len <= 256) {
          Key k = new Key(copy, 0, len, probe.hash);
          map.put(k, s);
        }
      }
      return s;
    }

    /** A byte-range key; the probe instance is reused for lookups. */
    private static final class Key {
      byte[] bytes;
      int off;
      int len;
      int hash;

      Key(byte[] bytes, int off, int len, int hash) {
        this.bytes = bytes;
        this.off = off;
        this.len = len;
        this.hash = hash;
      }

      void set(byte[] b, int o, int l) {
        bytes = b;
        off = o;
        len = l;
        int h = 1;
        for (int i = o; i < o + l; i++) {
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
        return o instanceof Key k && k.len == len && Arrays.equals(bytes, off, off + len, k.bytes, k.off, k.off + len);
      }
    }
  }
}
