package io.kubeferry.bundler.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the highest {@code GLIBC_x.y} symbol version the ELF files under a directory need. Version names live in
 * each file's {@code .dynstr} table as plain strings, so a byte scan finds them without binutils on the build
 * machine; a test checks the result against {@code objdump -T}. Thread-safe (stateless).
 */
public final class GlibcRequirement {
  /** EL7 ships glibc 2.17, the oldest target. */
  public static final GlibcVersion EL7 = new GlibcVersion(2, 17);

  private static final Pattern VERSION = Pattern.compile("GLIBC_(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  private GlibcRequirement() {}

  /** A glibc version, compared numerically. */
  public record GlibcVersion(int major, int minor) implements Comparable<GlibcVersion> {
    @Override
    public int compareTo(GlibcVersion o) {
      return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }

  /** The highest version any ELF file under {@code dir} references, if any. */
  public static Optional<GlibcVersion> highest(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return highest(files.filter(Files::isRegularFile).toList());
    }
  }

  /** The highest version the given files reference (non-ELF files and missing files are skipped). */
  public static Optional<GlibcVersion> highest(java.util.List<Path> files) throws IOException {
    GlibcVersion max = null;
    {
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          continue;
        }
        if (!isElf(f)) {
          continue;
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so the regex sees the raw string table.
        Matcher m = VERSION.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        while (m.find()) {
          GlibcVersion v = new GlibcVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
          if (max == null || v.compareTo(max) > 0) {
            max = v;
          }
        }
      }
    }
    return Optional.ofNullable(max);
  }

  private static boolean isElf(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] m = in.readNBytes(4);
      return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
    }
  }
}
