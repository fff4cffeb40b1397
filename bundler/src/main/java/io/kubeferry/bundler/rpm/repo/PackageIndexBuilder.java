package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.rpm.Evr;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link PackageIndex} from parsed packages, one at a time as the parser yields them: shared string, EVR
 * and dependency tables (most entries repeat), then the name, provides and obsoletes indexes grouped per key. Not
 * thread-safe; one use.
 */
final class PackageIndexBuilder {
  private final IdMaps.Strings ids = new IdMaps.Strings();
  private final Map<Evr, Integer> evrIds = new HashMap<>();
  private final IntList evrs = new IntList();
  private final IdMaps.Longs depIds = new IdMaps.Longs();
  private final IntList deps = new IntList();
  private final IntList body = new IntList();

  private final IntList pkgs = new IntList();
  private final Set<Integer> fileRequires = new LinkedHashSet<>();

  PackageIndex build(String repoId, List<RpmPackage> packages) {
    for (RpmPackage p : packages) {
      add(p);
    }
    return finish(repoId);
  }

  /** Adds the next package: its strings, EVRs and dependencies get table ids. */
  void add(RpmPackage p) {
    pkgs.add(id(p.name()));
    pkgs.add(evrId(p.evr()));
    pkgs.add(id(p.arch()));
    pkgs.add(id(p.location()));
    pkgs.add(id(p.checksum()));
    pkgs.add((int) (p.size() >>> 32));
    pkgs.add((int) p.size());
    pkgs.add(body.size);
    for (List<Dep> l : List.of(p.provides(), p.requires(), p.conflicts(), p.obsoletes(), p.recommends(),
        p.supplements(), p.suggests(), p.enhances())) {
      body.add(l.size());
      for (Dep d : l) {
        body.add(depId(d));
      }
    }
    body.add(p.files().size());
    for (String file : p.files()) {
      body.add(id(file));
    }
    for (Dep d : p.requires()) {
      if (d.name().startsWith("/")) {
        fileRequires.add(id(d.name()));
      }
    }
  }

  /** The index of the packages added, labelled {@code repoId}; then groups names, provides and obsoletes. */
  PackageIndex finish(String repoId) {
    int[] pkgs = this.pkgs.toArray();
    int n = pkgs.length / PackageIndex.PKG_INTS;
    StringTable strings = new StringTable(ids.table());
    int[] bodyInts = body.toArray();
    int[] depInts = deps.toArray();
    // The grouping passes read the tables just built, not the packages: no string is hashed again.
    Grouper names = new Grouper(ids.size());
    Grouper provides = new Grouper(ids.size());
    Grouper obsoletes = new Grouper(ids.size());
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        int name = pkgs[i * PackageIndex.PKG_INTS];
        names.add(pass, name, i);
        int pos = pkgs[i * PackageIndex.PKG_INTS + 7];
        int count = bodyInts[pos];
        boolean self = false;
        for (int j = 0; j < count; j++) {
          int dep = bodyInts[pos + 1 + j];
          provides.add(pass, depInts[3 * dep], i, j);
          self |= depInts[3 * dep + 1] == Dep.EQ && depInts[3 * dep] == name;
        }
        if (!self) {
          provides.add(pass, name, i, PackageIndex.SELF);
        }
        for (int l = 0; l < PackageIndex.DEP_LISTS; l++) {
          if (l == PackageIndex.OBSOLETES_LIST) {
            addObsoletes(obsoletes, pass, bodyInts, pos, depInts, i);
          }
          pos += bodyInts[pos] + 1;
        }
        for (int j = 0; j < bodyInts[pos]; j++) {
          provides.add(pass, bodyInts[pos + 1 + j], i, PackageIndex.FILE);
        }
      }
      names.endPass(pass);
      provides.endPass(pass);
      obsoletes.endPass(pass);
    }
    return new PackageIndex(repoId, strings, evrs.toArray(), depInts, pkgs, bodyInts,
        names.table(strings), provides.table(strings), obsoletes.table(strings), fileRequires.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Adds package {@code i} under each name its obsoletes list (at {@code pos}) names, once per name. */
  private static void addObsoletes(Grouper obsoletes, int pass, int[] body, int pos, int[] deps, int i) {
    for (int j = 1; j <= body[pos]; j++) {
      int name = deps[3 * body[pos + j]];
      boolean repeat = false;
      for (int k = 1; k < j && !repeat; k++) {
        repeat = deps[3 * body[pos + k]] == name;
      }
      if (!repeat) {
        obsoletes.add(pass, name, i);
      }
    }
  }

  private int id(String s) {
    if (s == null) {
      return -1;
    }
    return ids.id(s);
  }

  private int evrId(Evr e) {
    Integer id = evrIds.get(e);
    if (id == null) {
      id = evrIds.size();
      evrIds.put(e, id);
      evrs.add(e.epoch());
      evrs.add(id(e.version()));
      evrs.add(id(e.release()));
    }
    return id;
  }

  private int depId(Dep d) {
    int name = id(d.name());
    int evr = d.evr() == null ? -1 : evrId(d.evr());
    // name | flags (3 bits) | evr + 1 (29 bits): one long, no Dep kept alive as a key
    int id = depIds.idOrAdd(((long) name << 32) | ((long) d.flags() << 29) | (evr + 1));
    if (id >= 0) {
      return id;
    }
    deps.add(name);
    deps.add(d.flags());
    deps.add(evr);
    return depIds.size() - 1;
  }

  /** Groups values per key string in two passes (count, then fill), keeping the order they are added in. */
  private static final class Grouper {
    private final int[] count;
    private int[] keyOf;
    private int[] keyString;
    private int[] start;
    private int[] fill;
    private int[] values;

    Grouper(int strings) {
      count = new int[strings];
    }

    void add(int pass, int string, int v) {
      if (pass == 0) {
        count[string]++;
      } else {
        values[fill[keyOf[string]]++] = v;
      }
    }

    void add(int pass, int string, int v, int w) {
      if (pass == 0) {
        count[string] += 2;
      } else {
        int k = keyOf[string];
        values[fill[k]++] = v;
        values[fill[k]++] = w;
      }
    }

    void endPass(int pass) {
      if (pass != 0) {
        return;
      }
      keyOf = new int[count.length];
      int keys = 0;
      for (int c : count) {
        keys += c > 0 ? 1 : 0;
      }
      keyString = new int[keys];
      start = new int[keys + 1];
      int k = 0;
      for (int s = 0; s < count.length; s++) {
        if (count[s] > 0) {
          keyOf[s] = k;
          keyString[k] = s;
          start[k + 1] = start[k] + count[s];
          k++;
        }
      }
      fill = Arrays.copyOf(start, keys);
      values = new int[start[keys]];
    }

    KeyTable table(StringTable strings) {
      return KeyTable.of(keyString, start, values, strings::get);
    }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[1024];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, size);
    }
  }
}
