package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Parsed and indexed primary metadata kept on disk ({@code <root>/<sha256 of repomd.xml>.bin}), like dnf's .solv
 * cache: a rebuild with unchanged (and re-verified) repomd.xml maps a {@link PackageIndex}'s tables as they are
 * (int arrays and one UTF-8 blob, little-endian) instead of parsing the XML and indexing again. The file ends with a
 * CRC32C of its content (it guards against damage, like dnf's .solv files; the cache directory is as trusted as the
 * RPM cache); a damaged or foreign file is ignored and rewritten. Written atomically. Thread-safe (files are
 * immutable once renamed).
 */
public final class MetadataCache {
  private static final int MAGIC = 0x4b46524d; // "KFRM"
  private static final int VERSION = 5;
  private final Path root;

  public MetadataCache(Path root) {
    this.root = root;
  }

  /** The default location, {@code $XDG_CACHE_HOME/kubeferry/repodata} or {@code ~/.cache/kubeferry/repodata}. */
  public static MetadataCache defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new MetadataCache(base.resolve("kubeferry").resolve("repodata"));
  }

  private Path file(byte[] repomd) {
    return root.resolve(Digest.sha256Of(repomd).hex() + ".bin");
  }

  /** The index stored for this exact repomd.xml, relabelled with {@code repoId}; empty if absent or damaged. */
  Optional<PackageIndex> load(byte[] repomd, String repoId) {
    Path f = file(repomd);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    // Mapped, not read into one big array: the int tables are copied out in bulk (plain arrays are what the solver
    // reads fastest before the JIT has warmed up), the strings stay mapped and are decoded when used. Files are
    // replaced by rename, never rewritten, so a mapping stays valid while another process refreshes the cache.
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
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
      int[] fileRequires = in.ints();
      int[] offsets = in.ints();
      ByteBuffer utf8 = in.bytes();
      boolean sane = !in.all.hasRemaining() && evrs.length % 3 == 0 && deps.length % 3 == 0
          && pkgs.length % PackageIndex.PKG_INTS == 0 && offsets.length > 0
          && offsets[offsets.length - 1] == utf8.capacity() && names != null && provides != null;
      return sane ? Optional.of(new PackageIndex(repoId, new StringTable(utf8, offsets), evrs, deps, pkgs, body,
          names, provides, fileRequires)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
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

  /** Stores the index; failures are ignored (the cache is an optimisation). */
  void store(byte[] repomd, PackageIndex index) {
    Path f = file(repomd);
    Path tmp = null;
    try {
      Files.createDirectories(root);
      StringTable.Encoded strings = index.strings.encode();
      List<int[]> arrays = new ArrayList<>(List.of(index.evrs, index.deps, index.pkgs, index.body));
      for (KeyTable t : List.of(index.names, index.provides)) {
        arrays.addAll(List.of(t.slots(), t.keyHash(), t.keyString(), t.start(), t.values()));
      }
      arrays.add(index.fileRequires);
      arrays.add(strings.offsets());
      long size = 8 + 4 + strings.utf8().capacity() + 8;
      for (int[] a : arrays) {
        size += 4 + 4L * a.length;
      }
      ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
      out.putInt(MAGIC).putInt(VERSION);
      for (int[] a : arrays) {
        out.putInt(a.length);
        out.asIntBuffer().put(a);
        out.position(out.position() + 4 * a.length);
      }
      out.putInt(strings.utf8().capacity()).put(strings.utf8().duplicate().clear());
      CRC32C crc = new CRC32C();
      crc.update(out.array(), 0, out.position());
      out.putLong(crc.getValue());
      tmp = Files.createTempFile(root, ".repodata", ".tmp");
      try (OutputStream o = Files.newOutputStream(tmp)) {
        o.write(out.array());
      }
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // not cached this time
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
