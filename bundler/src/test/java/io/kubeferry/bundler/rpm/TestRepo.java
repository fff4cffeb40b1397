package io.kubeferry.bundler.rpm;

import io.kubeferry.core.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a small yum repository for tests: primary.xml (compressed as asked), filelists.xml.gz, repomd.xml with
 * real checksums, and fake package files (random bytes whose sha256 primary lists), from a tiny DSL:
 * {@code repo.pkg("kubelet-1.23.1-0.x86_64").requires("conntrack", "iptables >= 1.4.21")}.
 */
public final class TestRepo {
  /** One package definition. */
  public static final class Pkg {
    final String name;
    final String epoch;
    final String ver;
    final String rel;
    final String arch;
    final Map<String, List<String>> deps = new LinkedHashMap<>();
    final List<String> files = new ArrayList<>();
    byte[] content;

    Pkg(String nevra) {
      int dot = nevra.lastIndexOf('.');
      arch = nevra.substring(dot + 1);
      String nvr = nevra.substring(0, dot);
      int r = nvr.lastIndexOf('-');
      int v = nvr.lastIndexOf('-', r - 1);
      name = nvr.substring(0, v);
      String ev = nvr.substring(v + 1, r);
      int colon = ev.indexOf(':');
      epoch = colon < 0 ? "0" : ev.substring(0, colon);
      ver = colon < 0 ? ev : ev.substring(colon + 1);
      rel = nvr.substring(r + 1);
      content = (nevra + " fake rpm payload").getBytes(StandardCharsets.UTF_8);
    }

    private Pkg add(String kind, String... d) {
      deps.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(List.of(d));
      return this;
    }

    public Pkg requires(String... d) {
      return add("requires", d);
    }

    public Pkg provides(String... d) {
      return add("provides", d);
    }

    public Pkg conflicts(String... d) {
      return add("conflicts", d);
    }

    public Pkg obsoletes(String... d) {
      return add("obsoletes", d);
    }

    public Pkg recommends(String... d) {
      return add("recommends", d);
    }

    public Pkg supplements(String... d) {
      return add("supplements", d);
    }

    public Pkg suggests(String... d) {
      return add("suggests", d);
    }

    public Pkg files(String... f) {
      files.addAll(List.of(f));
      return this;
    }

    public Pkg content(byte[] bytes) {
      content = bytes;
      return this;
    }

    String location() {
      return "Packages/" + name + "-" + ver + "-" + rel + "." + arch + ".rpm";
    }
  }

  private final List<Pkg> pkgs = new ArrayList<>();

  /** Adds a package {@code name-[epoch:]version-release.arch}. */
  public Pkg pkg(String nevra) {
    Pkg p = new Pkg(nevra);
    pkgs.add(p);
    return p;
  }

  /** Writes the repository with gzip-compressed primary. */
  public Path write(Path dir) throws IOException {
    return write(dir, "gz", Function.identity());
  }

  /**
   * Writes the repository; {@code compression} is gz, xz, zst, bz2 or none; {@code tamper} may alter the
   * primary.xml text before it is compressed and checksummed (to test the parser, not the checksums).
   */
  public Path write(Path dir, String compression, Function<String, String> tamper) throws IOException {
    Files.createDirectories(dir.resolve("repodata"));
    Files.createDirectories(dir.resolve("Packages"));
    StringBuilder primary = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata xmlns="
        + "\"http://linux.duke.edu/metadata/common\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\""
        + pkgs.size() + "\">\n");
    StringBuilder filelists = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<filelists xmlns="
        + "\"http://linux.duke.edu/metadata/filelists\" packages=\"" + pkgs.size() + "\">\n");
    for (Pkg p : pkgs) {
      Files.write(dir.resolve(p.location()), p.content);
      String sha = Digest.sha256Of(p.content).hex();
      primary.append("<package type=\"rpm\"><name>").append(p.name).append("</name><arch>").append(p.arch)
          .append("</arch><version epoch=\"").append(p.epoch).append("\" ver=\"").append(p.ver).append("\" rel=\"")
          .append(p.rel).append("\"/><checksum type=\"sha256\" pkgid=\"YES\">").append(sha)
          .append("</checksum><summary>test &amp; fixture</summary><description>x</description>")
          .append("<size package=\"").append(p.content.length).append("\" installed=\"1\" archive=\"1\"/>")
          .append("<location href=\"").append(p.location()).append("\"/><format>");
      for (var e : p.deps.entrySet()) {
        primary.append("<rpm:").append(e.getKey()).append('>');
        for (String d : e.getValue()) {
          primary.append(entry(d));
        }
        primary.append("</rpm:").append(e.getKey()).append('>');
      }
      filelists.append("<package pkgid=\"").append(sha).append("\" name=\"").append(p.name).append("\" arch=\"")
          .append(p.arch).append("\"><version epoch=\"").append(p.epoch).append("\" ver=\"").append(p.ver)
          .append("\" rel=\"").append(p.rel).append("\"/>");
      for (String f : p.files) {
        if (f.startsWith("/etc/") || f.contains("bin/")) {
          primary.append("<file>").append(f).append("</file>");
        }
        filelists.append("<file>").append(f).append("</file>");
      }
      filelists.append("</package>\n");
      primary.append("</format></package>\n");
    }
    primary.append("</metadata>\n");
    filelists.append("</filelists>\n");
    String primaryText = tamper.apply(primary.toString());
    String repomd = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<repomd xmlns=\"http://linux.duke.edu/metadata/repo\">"
        + "<revision>1</revision>" + data(dir, "primary", primaryText, compression)
        + data(dir, "filelists", filelists.toString(), "gz") + "</repomd>\n";
    Files.writeString(dir.resolve("repodata/repomd.xml"), repomd);
    return dir;
  }

  private static String data(Path dir, String type, String text, String compression) throws IOException {
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    byte[] stored = compress(plain, compression);
    String suffix = compression.equals("none") ? "" : "." + compression;
    String name = "repodata/" + Digest.sha256Of(stored).hex() + "-" + type + ".xml" + suffix;
    Files.write(dir.resolve(name), stored);
    return "<data type=\"" + type + "\"><checksum type=\"sha256\">" + Digest.sha256Of(stored).hex()
        + "</checksum><open-checksum type=\"sha256\">" + Digest.sha256Of(plain).hex() + "</open-checksum>"
        + "<location href=\"" + name + "\"/><timestamp>1</timestamp><size>" + stored.length + "</size>"
        + "<open-size>" + plain.length + "</open-size></data>";
  }

  static byte[] compress(byte[] plain, String compression) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = switch (compression) {
      case "gz" -> new GZIPOutputStream(bytes);
      case "xz" -> new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(bytes);
      case "bz2" -> new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bytes);
      case "zst" -> new com.github.luben.zstd.ZstdOutputStream(bytes);
      default -> bytes;
    }) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  /** {@code name [OP [epoch:]ver[-rel]]} or a rich dependency, as an rpm:entry element. */
  private static String entry(String d) {
    if (d.startsWith("(")) {
      return "<rpm:entry name=\"" + d.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "\"/>";
    }
    String[] t = d.trim().split("\\s+");
    if (t.length == 1) {
      return "<rpm:entry name=\"" + t[0] + "\"/>";
    }
    String flags = switch (t[1]) {
      case "=" -> "EQ";
      case "<" -> "LT";
      case ">" -> "GT";
      case "<=" -> "LE";
      default -> "GE";
    };
    String evr = t[2];
    String epoch = "0";
    int colon = evr.indexOf(':');
    if (colon >= 0) {
      epoch = evr.substring(0, colon);
      evr = evr.substring(colon + 1);
    }
    int dash = evr.lastIndexOf('-');
    String rel = dash < 0 ? "" : " rel=\"" + evr.substring(dash + 1) + "\"";
    String ver = dash < 0 ? evr : evr.substring(0, dash);
    return "<rpm:entry name=\"" + t[0] + "\" flags=\"" + flags + "\" epoch=\"" + epoch + "\" ver=\"" + ver + "\""
        + rel + "/>";
  }
}
