package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The binary form of a {@link PackageIndex}, little-endian: magic, version, the int tables (each length-prefixed),
 * the strings as one UTF-8 blob, then a CRC32C of everything before it. The tables are stored exactly as they are
 * used, so reading one builds nothing. Stateless.
 */
final class IndexFile {
  private static final int MAGIC = 0x4b46524d; // "KFRM"
  /** Bump on any change of the format or of what an index holds (it names no version of its own). */
  private static final int VERSION = 7;

  private IndexFile() {}

  /** The index in {@code file}, labelled {@code repoId}; empty if the file is damaged or of another version. */
  static Optional<PackageIndex> read(Path file, String repoId) {
    // Mapped, not read into one big array: the int tables are copied out in bulk (plain arrays are what the solver
    // reads fastest before the JIT has warmed up), the strings stay mapped and are decoded when used. Files are
    // replaced by rename, never rewritten, so a mapping stays valid while another process refreshes the cache.
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 16 || size > Integer.MAX_VALUE) {
        return Optional.empty();
      }
      ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
      int end = (int) size - 8;
      CRC32C crc = new CRC32C();
      crc.update(all.slice(0, end));
      if (crc.getValue() != all.getLong(end)) {
        return Optional.empty();
      }
      Sections in = new Sections(all.limit(end));
      if (in.all.getInt() != MAGIC || in.all.getInt() != VERSION) {
        return Optional.empty();
      }
      int[] evrs = in.ints();
      int[] deps = in.ints();
      int[] pkgs = in.ints();
      int[] body = in.ints();
      KeyTable names = in.table();
      KeyTable provides = in.table();
      KeyTable obsoletes = in.table();
      int[] fileRequires = in.ints();
      int[] offsets = in.ints();
      ByteBuffer utf8 = in.bytes();
      boolean sane = !in.all.hasRemaining() && evrs.length % 3 == 0 && deps.length % 3 == 0
          && pkgs.length % PackageIndex.PKG_INTS == 0 && offsets.length > 0
          && offsets[offsets.length - 1] == utf8.capacity() && names != null && provides != null
          && obsoletes != null;
      return sane ? Optional.of(new PackageIndex(repoId, new StringTable(utf8, offsets), evrs, deps, pkgs, body,
          names, provides, obsoletes, fileRequires)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code index} to {@code ch}, streamed through one small buffer (it is not built in memory again). */
  static void write(FileChannel ch, PackageIndex index) throws IOException {
    StringTable.Encoded strings = index.strings.encode();
    List<int[]> arrays = new ArrayList<>(List.of(index.evrs, index.deps, index.pkgs, index.body));
    for (KeyTable t : List.of(index.names, index.provides, index.obsoletes)) {
      arrays.addAll(List.of(t.slots(), t.keyHash(), t.keyString(), t.start(), t.values()));
    }
    arrays.add(index.fileRequires);
    arrays.add(strings.offsets());
    Out out = new Out(ch, ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN), new CRC32C());
    out.ints(new int[] {MAGIC, VERSION});
    for (int[] a : arrays) {
      out.ints(new int[] {a.length});
      out.ints(a);
    }
    ByteBuffer utf8 = strings.utf8().duplicate().clear();
    out.ints(new int[] {utf8.remaining()});
    out.bytes(utf8);
    out.flush();
    ByteBuffer crc = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, out.crc.getValue());
    while (crc.hasRemaining()) {
      ch.write(crc);
    }
  }

  /** Writes little-endian ints and bytes to a channel through one buffer, updating the CRC. */
  private record Out(FileChannel ch, ByteBuffer buf, CRC32C crc) {
    void ints(int[] a) throws IOException {
      for (int i = 0; i < a.length; ) {
        int n = Math.min(a.length - i, buf.remaining() / 4);
        if (n == 0) {
          flush();
          continue;
        }
        buf.asIntBuffer().put(a, i, n);
        buf.position(buf.position() + 4 * n);
        i += n;
      }
    }

    void bytes(ByteBuffer b) throws IOException {
      while (b.hasRemaining()) {
        if (!buf.hasRemaining()) {
          flush();
        }
        int n = Math.min(b.remaining(), buf.remaining());
        buf.put(b.slice(b.position(), n));
        b.position(b.position() + n);
      }
    }

    void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }
  }

  /** Reads length-prefixed sections as views of the mapped file. */
  private record Sections(ByteBuffer all) {
    int[] ints() {
      int[] a = new int[all.getInt()];
      all.slice(all.position(), Math.multiplyExact(a.length, 4)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a);
      all.position(all.position() + 4 * a.length);
      return a;
    }

    ByteBuffer bytes() {
      int n = all.getInt();
      ByteBuffer v = all.slice(all.position(), n);
      all.position(all.position() + n);
      return v;
    }

    KeyTable table() {
      KeyTable t = new KeyTable(ints(), ints(), ints(), ints(), ints());
      int keys = t.keyString().length;
      boolean sane = Integer.bitCount(t.slots().length) == 1 && t.keyHash().length == keys
          && t.start().length == keys + 1 && t.start()[keys] == t.values().length;
      return sane ? t : null;
    }
  }
}
