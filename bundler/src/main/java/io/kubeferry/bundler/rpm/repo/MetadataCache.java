package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
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
 * Parsed and indexed primary metadata kept on disk ({@code <root>/primary-<checksum>[.modules-<checksum>].bin}),
 * like dnf's .solv cache: a rebuild whose (re-verified) repomd.xml lists the same primary and modules maps a
 * {@link PackageIndex}'s tables as they are (int arrays and one UTF-8 blob, little-endian) instead of parsing the XML
 * and indexing again. The file ends with a
 * CRC32C of its content (it guards against damage, like dnf's .solv files; the cache directory is as trusted as the
 * RPM cache); a damaged or foreign file is ignored and rewritten. Written atomically, in the background. Thread-safe
 * (files are immutable once renamed).
 */
public final class MetadataCache {
  private static final int MAGIC = 0x4b46524d; // "KFRM"
  private static final int VERSION = 6;
  private static final String ALGO = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdefABCDEF";
  private final Path root;
  private final List<Thread> writers = new ArrayList<>();

  public MetadataCache(Path root) {
    this.root = root;
  }

  /** The default location, {@code $XDG_CACHE_HOME/kubeferry/repodata} or {@code ~/.cache/kubeferry/repodata}. */
  public static MetadataCache defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new MetadataCache(base.resolve("kubeferry").resolve("repodata"));
  }

  /**
   * The cache file for what the index is made of: primary and modules, named by their checksums from repomd.xml
   * (verified against the repository key when one is configured; primary's is checked when it is parsed). Keying
   * on them, not on repomd.xml, also keeps the cache across repomd changes that leave primary alone, and needs no
   * hashing (a SHA-256 engine costs a short resolve ~20 ms to set up). Empty when a checksum is not plain hex.
   */
  private Optional<Path> file(RepoMd repomd) {
    StringBuilder name = new StringBuilder();
    for (String type : List.of("primary", "modules")) {
      Optional<RepoMd.Entry> e = repomd.entry(type);
      if (e.isPresent()) {
        String c = e.get().checksum();
        int colon = c.indexOf(':');
        if (colon < 1 || c.length() - colon - 1 < 32 || !plain(c.substring(0, colon), ALGO)
            || !plain(c.substring(colon + 1), HEX)) {
          return Optional.empty(); // a name made of repository text must not leave the cache directory
        }
        name.append(type).append('-').append(c, 0, colon).append('-').append(c, colon + 1, c.length()).append('.');
      }
    }
    return Optional.of(root.resolve(name.append("bin").toString()));
  }

  private static boolean plain(String s, String allowed) {
    for (int i = 0; i < s.length(); i++) {
      if (allowed.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The index stored for this primary (and modules), relabelled with {@code repoId}; empty if absent or damaged. */
  Optional<PackageIndex> load(RepoMd repomd, String repoId) {
    Path f = file(repomd).orElse(null);
    if (f == null || !Files.isRegularFile(f)) {
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

  /**
   * Stores the index on a background thread, so that a cold resolve does not wait for the write; failures are
   * ignored (the cache is an optimisation). {@link #awaitWrites} waits for it.
   */
  void store(RepoMd repomd, PackageIndex index) {
    Thread t = new Thread(() -> write(repomd, index), "metadata-cache-writer");
    t.setDaemon(true);
    synchronized (writers) {
      writers.add(t);
    }
    t.start();
  }

  /**
   * Waits until every index handed to this cache so far is on disk (or given up). Call it before the JVM exits:
   * writes run on daemon threads, and one cut short leaves only a temporary file behind, never a partial cache file.
   */
  public void awaitWrites() throws InterruptedException {
    while (true) {
      Thread t;
      synchronized (writers) {
        if (writers.isEmpty()) {
          return;
        }
        t = writers.get(0);
      }
      t.join();
      synchronized (writers) {
        writers.remove(t);
      }
    }
  }

  private void write(RepoMd repomd, PackageIndex index) {
    Path f = file(repomd).orElse(null);
    Path tmp = null;
    try {
      if (f == null) {
        return;
      }
      Files.createDirectories(root);
      StringTable.Encoded strings = index.strings.encode();
      List<int[]> arrays = new ArrayList<>(List.of(index.evrs, index.deps, index.pkgs, index.body));
      for (KeyTable t : List.of(index.names, index.provides)) {
        arrays.addAll(List.of(t.slots(), t.keyHash(), t.keyString(), t.start(), t.values()));
      }
      arrays.add(index.fileRequires);
      arrays.add(strings.offsets());
      tmp = Files.createTempFile(root, ".repodata", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        // Streamed through one small buffer: the file is not built in memory a second time.
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
