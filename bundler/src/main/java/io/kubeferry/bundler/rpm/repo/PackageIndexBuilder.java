package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.rpm.Evr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link PackageIndex} from parsed packages: shared string, EVR and dependency tables (most entries
 * repeat), then the name and provides indexes grouped per key. Not thread-safe; one use.
 */
final class PackageIndexBuilder {
  private final Map<String, Integer> ids = new HashMap<>(1 << 18);
  private final List<String> table = new ArrayList<>(1 << 18);
  private final Map<Evr, Integer> evrIds = new HashMap<>();
  private final IntList evrs = new IntList();
  private final Map<Dep, Integer> depIds = new HashMap<>(1 << 17);
  private final IntList deps = new IntList();
  private final IntList body = new IntList();

  PackageIndex build(String repoId, List<RpmPackage> packages) {
    int n = packages.size();
    int[] pkgs = new int[n * PackageIndex.PKG_INTS];
    Set<Integer> fileRequires = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      RpmPackage p = packages.get(i);
      int f = i * PackageIndex.PKG_INTS;
      pkgs[f] = id(p.name());
      pkgs[f + 1] = evrId(p.evr());
      pkgs[f + 2] = id(p.arch());
      pkgs[f + 3] = id(p.location());
      pkgs[f + 4] = id(p.checksum());
      pkgs[f + 5] = (int) (p.size() >>> 32);
      pkgs[f + 6] = (int) p.size();
      pkgs[f + 7] = body.size;
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
    StringTable strings = new StringTable(table.toArray(new String[0]));
    Grouper names = new Grouper(table.size());
    Grouper provides = new Grouper(table.size());
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < n; i++) {
        RpmPackage p = packages.get(i);
        names.add(pass, ids.get(p.name()), i);
        boolean self = false;
        for (int j = 0; j < p.provides().size(); j++) {
          Dep d = p.provides().get(j);
          provides.add(pass, ids.get(d.name()), i, j);
          self |= d.flags() == Dep.EQ && d.name().equals(p.name());
        }
        if (!self) {
          provides.add(pass, ids.get(p.name()), i, PackageIndex.SELF);
        }
        for (String file : p.files()) {
          provides.add(pass, ids.get(file), i, PackageIndex.FILE);
        }
      }
      names.endPass(pass);
      provides.endPass(pass);
    }
    return new PackageIndex(repoId, strings, evrs.toArray(), deps.toArray(), pkgs, body.toArray(),
        names.table(strings), provides.table(strings), fileRequires.stream().mapToInt(Integer::intValue).toArray());
  }

  private int id(String s) {
    if (s == null) {
      return -1;
    }
    Integer id = ids.get(s);
    if (id == null) {
      id = table.size();
      ids.put(s, id);
      table.add(s);
    }
    return id;
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
    Integer id = depIds.get(d);
    if (id == null) {
      id = depIds.size();
      depIds.put(d, id);
      deps.add(id(d.name()));
      deps.add(d.flags());
      deps.add(d.evr() == null ? -1 : evrId(d.evr()));
    }
    return id;
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
