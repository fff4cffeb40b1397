package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Digest;
import io.kubeferry.core.rpm.Evr;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed primary metadata kept on disk ({@code <root>/<sha256 of repomd.xml>.bin}), like dnf's .solv cache: a
 * rebuild with unchanged (and re-verified) repomd.xml loads packages from a compact binary file instead of parsing
 * the XML again. The file ends with a CRC32C of its content (it guards against damage, like dnf's .solv files; the
 * cache directory is as trusted as the RPM cache); a damaged or foreign file is ignored and rewritten.
 * Written atomically. Thread-safe (files are immutable once renamed).
 */
public final class MetadataCache {
  private static final int MAGIC = 0x4b46524d; // "KFRM"
  private static final int VERSION = 4;
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
    try {
      // One read, one hash over the array, then parsing from memory: per-byte stream calls would dominate.
      byte[] all = Files.readAllBytes(f);
      if (all.length < 16) {
        return Optional.empty();
      }
      CRC32C crc = new CRC32C();
      crc.update(all, 0, all.length - 8);
      if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
        return Optional.empty();
      }
      ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 8);
      if (in.getInt() != MAGIC || in.getInt() != VERSION) {
        return Optional.empty();
      }
      String[] strings = new String[in.getInt()];
      for (int i = 0; i < strings.length; i++) {
        int len = in.getInt();
        strings[i] = new String(all, in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
      }
      Evr[] evrs = new Evr[in.getInt()];
      for (int i = 0; i < evrs.length; i++) {
        int epoch = in.getInt();
        int ver = in.getInt();
        int rel = in.getInt();
        evrs[i] = new Evr(epoch, strings[ver], rel < 0 ? null : strings[rel]);
      }
      Dep[] deps = new Dep[in.getInt()];
      for (int i = 0; i < deps.length; i++) {
        int name = in.getInt();
        int flags = in.get();
        int evr = in.getInt();
        deps[i] = new Dep(strings[name], flags, evr < 0 ? null : evrs[evr]);
      }
      Reader r = new Reader(in, strings, deps, evrs);
      int n = in.getInt();
      List<RpmPackage> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(r.pkg(repoId));
      }
      return in.hasRemaining() ? Optional.empty() : Optional.of(out);
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
      Writer w = new Writer(b, ids, table, new HashMap<>(), new ArrayList<>(), new HashMap<>(), new ArrayList<>());
      b.writeInt(packages.size());
      for (RpmPackage p : packages) {
        w.pkg(p);
      }
      b.flush();
      tmp = Files.createTempFile(root, ".repodata", ".tmp");
      CRC32C crc = new CRC32C();
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(table.size());
        for (String s : table) {
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          out.writeInt(utf8.length);
          out.write(utf8);
        }
        out.writeInt(w.evrTable().size());
        for (Evr e : w.evrTable()) {
          out.writeInt(e.epoch());
          out.writeInt(ids.get(e.version()));
          out.writeInt(e.release() == null ? -1 : ids.get(e.release()));
        }
        out.writeInt(w.depTable().size());
        for (Dep d : w.depTable()) {
          out.writeInt(ids.get(d.name()));
          out.writeByte(d.flags());
          out.writeInt(d.evr() == null ? -1 : w.evrIds().get(d.evr()));
        }
        body.writeTo(out);
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
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

  /** Serialises packages with shared string, EVR and dependency tables (most entries repeat). */
  private record Writer(DataOutputStream out, Map<String, Integer> ids, List<String> table,
      Map<Evr, Integer> evrIds, List<Evr> evrTable, Map<Dep, Integer> depIds, List<Dep> depTable) {
    int id(String s) {
      Integer id = ids.get(s);
      if (id == null) {
        id = table.size();
        ids.put(s, id);
        table.add(s);
      }
      return id;
    }

    void str(String s) throws IOException {
      out.writeInt(s == null ? -1 : id(s));
    }

    int evrId(Evr e) {
      Integer id = evrIds.get(e);
      if (id == null) {
        id(e.version());
        if (e.release() != null) {
          id(e.release());
        }
        id = evrTable.size();
        evrIds.put(e, id);
        evrTable.add(e);
      }
      return id;
    }

    void deps(List<Dep> deps) throws IOException {
      out.writeInt(deps.size());
      for (Dep d : deps) {
        Integer id = depIds.get(d);
        if (id == null) {
          id(d.name());
          if (d.evr() != null) {
            evrId(d.evr());
          }
          id = depTable.size();
          depIds.put(d, id);
          depTable.add(d);
        }
        out.writeInt(id);
      }
    }

    void pkg(RpmPackage p) throws IOException {
      str(p.name());
      out.writeInt(evrId(p.evr()));
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

  /** Reads what {@link Writer} wrote; dependencies and EVRs come from the shared tables. */
  private record Reader(ByteBuffer in, String[] strings, Dep[] depTable, Evr[] evrTable) {
    String str() {
      int i = in.getInt();
      return i < 0 ? null : strings[i];
    }

    List<Dep> deps() {
      int n = in.getInt();
      if (n == 0) {
        return List.of();
      }
      Dep[] d = new Dep[n];
      for (int i = 0; i < n; i++) {
        d[i] = depTable[in.getInt()];
      }
      return List.of(d);
    }

    RpmPackage pkg(String repoId) {
      String name = str();
      Evr evr = evrTable[in.getInt()];
      String arch = str();
      String location = str();
      String checksum = str();
      long size = in.getLong();
      List<Dep> provides = deps();
      List<Dep> requires = deps();
      List<Dep> conflicts = deps();
      List<Dep> obsoletes = deps();
      List<Dep> recommends = deps();
      List<Dep> supplements = deps();
      List<Dep> suggests = deps();
      List<Dep> enhances = deps();
      int nf = in.getInt();
      String[] files = new String[nf];
      for (int i = 0; i < nf; i++) {
        files[i] = str();
      }
      return new RpmPackage(name, evr, arch, repoId, location, checksum, size, provides, requires, conflicts,
          obsoletes, recommends, supplements, suggests, enhances, List.of(files));
    }
  }
}
