package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.rpm.Evr;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The packages of one repository in compact tables, with a name index and a provides index (explicit provides, the
 * implicit {@code name = evr} self-provide and primary's file subset), like the .solv file dnf keeps per repository.
 * {@link MetadataCache} stores exactly these tables, so a warm start indexes nothing: a package, dependency or string
 * is decoded when first used, and a resolve uses a few hundred of a base OS's ~20k packages.
 * Thread-safe: decoding is idempotent and yields immutable values (races only decode twice).
 */
public final class PackageIndex {
  /** Provides-run marker: the package's implicit {@code name = evr} provide. */
  public static final int SELF = -1;
  /** Provides-run marker: a file path of the package. */
  public static final int FILE = -2;
  /** Ints per package in {@link #pkgs}: name, evr, arch, location, checksum, size (2 ints), body offset. */
  static final int PKG_INTS = 8;
  /** Dependency lists per package in {@link #body}, in {@link RpmPackage}'s order; then the files. */
  static final int DEP_LISTS = 8;
  /** Position of the obsoletes list among them. */
  static final int OBSOLETES_LIST = 3;

  private final String repoId;
  final StringTable strings;
  /** epoch, version id, release id (-1 for none) per EVR. */
  final int[] evrs;
  /** name id, flags, evr id (-1 for none) per dependency. */
  final int[] deps;
  final int[] pkgs;
  /** per package: DEP_LISTS times (count, dependency ids...), then (count, file string ids...). */
  final int[] body;
  final KeyTable names;
  final KeyTable provides;
  /** obsoleted name to the packages obsoleting it, ascending, each once. */
  final KeyTable obsoletes;
  /** string ids of every distinct file path some package requires. */
  final int[] fileRequires;
  private final Evr[] evrCache;
  private final Dep[] depCache;
  private final RpmPackage[] pkgCache;

  PackageIndex(String repoId, StringTable strings, int[] evrs, int[] deps, int[] pkgs, int[] body, KeyTable names,
      KeyTable provides, KeyTable obsoletes, int[] fileRequires) {
    this.repoId = repoId;
    this.strings = strings;
    this.evrs = evrs;
    this.deps = deps;
    this.pkgs = pkgs;
    this.body = body;
    this.names = names;
    this.provides = provides;
    this.obsoletes = obsoletes;
    this.fileRequires = fileRequires;
    this.evrCache = new Evr[evrs.length / 3];
    this.depCache = new Dep[deps.length / 3];
    this.pkgCache = new RpmPackage[pkgs.length / PKG_INTS];
  }

  /** Indexes parsed packages of repository {@code repoId} (their own repoId is replaced by it). */
  public static PackageIndex of(String repoId, List<RpmPackage> packages) {
    return new PackageIndexBuilder().build(repoId, packages);
  }

  /** Number of packages. */
  public int size() {
    return pkgCache.length;
  }

  /** Package {@code i} (0 ≤ i < size()), in primary.xml order. */
  public RpmPackage get(int i) {
    RpmPackage p = pkgCache[i];
    if (p == null) {
      p = decode(i);
      pkgCache[i] = p;
    }
    return p;
  }

  /** All packages, as an unmodifiable list that decodes on access. */
  public List<RpmPackage> packages() {
    return new Packages();
  }

  /** The arch of package {@code i}, without decoding the package. */
  public String arch(int i) {
    return strings.get(pkgs[i * PKG_INTS + 2]);
  }

  /** The checksum ({@code type:hex}) of package {@code i}, without decoding the package. */
  public String checksum(int i) {
    return strings.get(pkgs[i * PKG_INTS + 4]);
  }

  /** The packages named {@code name}, ascending. */
  public int[] named(String name) {
    return names.get(name, strings::get);
  }

  /**
   * Who provides {@code name}: pairs {@code (package, index)} where index is the position in the package's
   * provides, {@link #SELF} or {@link #FILE}; ascending by package, in declaration order within one.
   */
  public int[] providers(String name) {
    return provides.get(name, strings::get);
  }

  /** The packages with an obsoletes entry naming {@code name}, ascending. */
  public int[] obsoleters(String name) {
    return obsoletes.get(name, strings::get);
  }

  /** Whether some package provides {@code name} (also as a file). */
  public boolean provides(String name) {
    return provides.find(name, strings::get) >= 0;
  }

  /** Every distinct file path that some package of this repository requires. */
  public List<String> fileRequires() {
    List<String> out = new ArrayList<>(fileRequires.length);
    for (int id : fileRequires) {
      out.add(strings.get(id));
    }
    return out;
  }

  private Evr evr(int id) {
    if (id < 0) {
      return null;
    }
    Evr e = evrCache[id];
    if (e == null) {
      e = new Evr(evrs[3 * id], strings.get(evrs[3 * id + 1]), strings.get(evrs[3 * id + 2]));
      evrCache[id] = e;
    }
    return e;
  }

  private Dep dep(int id) {
    Dep d = depCache[id];
    if (d == null) {
      d = new Dep(strings.get(deps[3 * id]), deps[3 * id + 1], evr(deps[3 * id + 2]));
      depCache[id] = d;
    }
    return d;
  }

  private RpmPackage decode(int i) {
    int f = i * PKG_INTS;
    int pos = pkgs[f + 7];
    List<List<Dep>> lists = new ArrayList<>(DEP_LISTS);
    for (int l = 0; l < DEP_LISTS; l++) {
      int n = body[pos];
      lists.add(n == 0 ? List.of() : new Lazy<>(pos + 1, n, this::dep));
      pos += n + 1;
    }
    int files = body[pos];
    long size = ((long) pkgs[f + 5] << 32) | (pkgs[f + 6] & 0xffffffffL);
    return new RpmPackage(strings.get(pkgs[f]), evr(pkgs[f + 1]), strings.get(pkgs[f + 2]), repoId,
        strings.get(pkgs[f + 3]), strings.get(pkgs[f + 4]), size, lists.get(0), lists.get(1), lists.get(2),
        lists.get(3), lists.get(4), lists.get(5), lists.get(6), lists.get(7),
        files == 0 ? List.of() : new Lazy<>(pos + 1, files, strings::get));
  }

  /**
   * A package's dependency or file list that decodes an entry when it is read: the solver reads whole requires
   * lists, but only the matching entry of a provides list (some packages provide thousands of names).
   */
  private final class Lazy<T> extends AbstractList<T> implements RandomAccess {
    private final int from;
    private final int size;
    private final IntFunction<T> decode;

    Lazy(int from, int size, IntFunction<T> decode) {
      this.from = from;
      this.size = size;
      this.decode = decode;
    }

    @Override
    public T get(int i) {
      Objects.checkIndex(i, size);
      return decode.apply(body[from + i]);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** A list view that decodes packages as they are read. */
  private final class Packages extends AbstractList<RpmPackage> implements RandomAccess {
    @Override
    public RpmPackage get(int i) {
      return PackageIndex.this.get(i);
    }

    @Override
    public int size() {
      return PackageIndex.this.size();
    }
  }
}
