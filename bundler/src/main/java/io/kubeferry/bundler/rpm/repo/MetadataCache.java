package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.Evr;
import io.kubeferry.core.Digest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed primary metadata kept on disk ({@code <root>/<sha256 of repomd.xml>.bin}), like dnf's .solv cache: a
 * rebuild with unchanged (and re-verified) repomd.xml loads packages from a compact binary file instead of parsing
 * the XML again. The file ends with the sha256 of its content; a damaged or foreign file is ignored and rewritten.
 * Written atomically. Thread-safe (files are immutable once renamed).
 */
public final class MetadataCache {
  private static final int MAGIC = 0x4b46524d; // "KFRM"
  private static final int VERSION = 1;
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

  /** The packages stored for this exact repomd.xml, relabelled with {@code repoId}; empty if absent or damaged. */
  Optional<List<RpmPackage>> load(byte[] repomd, String repoId) {
    Path f = file(repomd);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
      MessageDigest md = Digest.newSha256();
      DataInputStream in = new DataInputStream(new DigestInputStream(raw, md));
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return Optional.empty();
      }
      String[] strings = new String[in.readInt()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = in.readUTF();
      }
      Reader r = new Reader(in, strings);
      int n = in.readInt();
      List<RpmPackage> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(r.pkg(repoId));
      }
      byte[] expected = md.digest();
      byte[] trailer = raw.readNBytes(32);
      return Arrays.equals(expected, trailer) && raw.read() < 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Stores the packages; failures are ignored (the cache is an optimisation). */
  void store(byte[] repomd, List<RpmPackage> packages) {
    Path f = file(repomd);
    Path tmp = null;
    try {
      Files.createDirectories(root);
      Map<String, Integer> ids = new HashMap<>();
      List<String> table = new ArrayList<>();
      ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
      DataOutputStream b = new DataOutputStream(body);
      Writer w = new Writer(b, ids, table);
      b.writeInt(packages.size());
      for (RpmPackage p : packages) {
        w.pkg(p);
      }
      b.flush();
      tmp = Files.createTempFile(root, ".repodata", ".tmp");
      MessageDigest md = Digest.newSha256();
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(raw, md));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(table.size());
        for (String s : table) {
          out.writeUTF(s);
        }
        body.writeTo(out);
        out.flush();
        raw.write(md.digest());
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

  /** Serialises packages with a shared string table. */
  private record Writer(DataOutputStream out, Map<String, Integer> ids, List<String> table) {
    void str(String s) throws IOException {
      if (s == null) {
        out.writeInt(-1);
        return;
      }
      Integer id = ids.get(s);
      if (id == null) {
        id = table.size();
        ids.put(s, id);
        table.add(s);
      }
      out.writeInt(id);
    }

    void evr(Evr e) throws IOException {
      out.writeInt(e.epoch());
      str(e.version());
      str(e.release());
    }

    void deps(List<Dep> deps) throws IOException {
      out.writeInt(deps.size());
      for (Dep d : deps) {
        str(d.name());
        out.writeByte(d.flags());
        if (d.flags() != 0) {
          evr(d.evr());
        }
      }
    }

    void pkg(RpmPackage p) throws IOException {
      str(p.name());
      evr(p.evr());
      str(p.arch());
      str(p.location());
      str(p.checksum());
      out.writeLong(p.size());
      for (List<Dep> l : List.of(p.provides(), p.requires(), p.conflicts(), p.obsoletes(), p.recommends(),
          p.supplements(), p.suggests(), p.enhances())) {
        deps(l);
      }
      out.writeInt(p.files().size());
      for (String f : p.files()) {
        str(f);
      }
    }
  }

  /** Reads what {@link Writer} wrote, sharing EVR instances. */
  private static final class Reader {
    private final DataInputStream in;
    private final String[] strings;
    private final Map<Evr, Evr> evrs = new HashMap<>();

    Reader(DataInputStream in, String[] strings) {
      this.in = in;
      this.strings = strings;
    }

    String str() throws IOException {
      int i = in.readInt();
      return i < 0 ? null : strings[i];
    }

    Evr evr() throws IOException {
      Evr e = new Evr(in.readInt(), str(), str());
      Evr shared = evrs.putIfAbsent(e, e);
      return shared == null ? e : shared;
    }

    List<Dep> deps() throws IOException {
      int n = in.readInt();
      if (n == 0) {
        return List.of();
      }
      Dep[] d = new Dep[n];
      for (int i = 0; i < n; i++) {
        String name = str();
        int flags = in.readByte();
        d[i] = new Dep(name, flags, flags == 0 ? null : evr());
      }
      return List.of(d);
    }

    RpmPackage pkg(String repoId) throws IOException {
      String name = str();
      Evr evr = evr();
      String arch = str();
      String location = str();
      String checksum = str();
      long size = in.readLong();
      List<Dep> provides = deps();
      List<Dep> requires = deps();
      List<Dep> conflicts = deps();
      List<Dep> obsoletes = deps();
      List<Dep> recommends = deps();
      List<Dep> supplements = deps();
      List<Dep> suggests = deps();
      List<Dep> enhances = deps();
      int nf = in.readInt();
      String[] files = new String[nf];
      for (int i = 0; i < nf; i++) {
        files[i] = str();
      }
      return new RpmPackage(name, evr, arch, repoId, location, checksum, size, provides, requires, conflicts,
          obsoletes, recommends, supplements, suggests, enhances, List.of(files));
    }
  }
}
