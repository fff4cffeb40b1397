package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.rpm.Evr;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams primary.xml into {@link RpmPackage}s, one package at a time, so memory holds only the compact result.
 * Uses {@link XmlScanner} (hardened, allocation-light); repeated strings and EVRs are shared: an 18k-package
 * primary with ~1M dependency entries stays well under 100 MiB. Not thread-safe; one instance per document.
 */
final class PrimaryParser {
  private final String repoId;
  private final Map<Evr, Evr> evrs = new HashMap<>();

  PrimaryParser(String repoId) {
    this.repoId = repoId;
  }

  /** Parses the document, handing each package to {@code sink}; {@code source} names it in messages. */
  void parse(InputStream in, String source, Consumer<RpmPackage> sink) throws RepoException, IOException {
    XmlScanner x = new XmlScanner(in, source);
    Builder b = null;
    List<Dep> deps = null;
    List<Dep> pre = null;
    boolean sawRoot = false;
    for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
      String el = x.name();
      if (ev == XmlScanner.START) {
        sawRoot = true;
        switch (el) {
          case "package" -> b = new Builder();
          case "name" -> {
            if (b != null && !x.selfClosing()) {
              b.name = x.text();
            }
          }
          case "arch" -> {
            if (b != null && !x.selfClosing()) {
              b.arch = x.text();
            }
          }
          case "checksum" -> {
            if (b != null && !x.selfClosing()) {
              b.checksum = RepoMd.normalizeAlgo(x.attr("type")) + ":" + x.text().trim();
            }
          }
          case "version" -> {
            if (b != null) {
              b.evr = evr(x.attr("epoch"), x.attr("ver"), x.attr("rel"), source);
            }
          }
          case "size" -> {
            if (b != null) {
              String s = x.attr("package");
              b.size = s == null ? -1 : parseLong(s, source);
            }
          }
          case "location" -> {
            if (b != null) {
              b.location = x.attr("href");
            }
          }
          case "provides", "requires", "conflicts", "obsoletes", "recommends", "supplements", "suggests",
              "enhances" -> {
            if (b != null && !x.selfClosing()) {
              deps = new ArrayList<>();
              pre = new ArrayList<>();
            }
          }
          case "entry" -> {
            if (deps != null) {
              Dep d = dep(x, source);
              ("1".equals(x.attr("pre")) ? pre : deps).add(d);
            }
          }
          case "file" -> {
            if (b != null && !x.selfClosing()) {
              b.files.add(x.text());
            }
          }
          default -> { }
        }
      } else if (b != null) {
        switch (el) {
          case "provides" -> b.provides = done(deps, pre);
          case "requires" -> b.requires = done(deps, pre);
          case "conflicts" -> b.conflicts = done(deps, pre);
          case "obsoletes" -> b.obsoletes = done(deps, pre);
          case "recommends" -> b.recommends = done(deps, pre);
          case "supplements" -> b.supplements = done(deps, pre);
          case "suggests" -> b.suggests = done(deps, pre);
          case "enhances" -> b.enhances = done(deps, pre);
          case "package" -> {
            sink.accept(b.build(repoId, source));
            b = null;
          }
          default -> { }
        }
        if (deps != null && el.equals("format")) {
          deps = null;
        }
      }
    }
    if (!sawRoot) {
      throw new RepoException("could not read " + source + ": empty document");
    }
    if (b != null) {
      throw new RepoException("could not read " + source + ": unexpected end of document (truncated?)");
    }
  }

  private static List<Dep> done(List<Dep> deps, List<Dep> pre) {
    if (deps == null || (deps.isEmpty() && pre.isEmpty())) {
      return List.of();
    }
    deps.addAll(pre);
    return List.copyOf(deps);
  }

  private Dep dep(XmlScanner x, String source) throws RepoException {
    String name = x.attr("name");
    if (name == null) {
      throw new RepoException("could not read " + source + ": dependency entry without a name");
    }
    String ver = x.attr("ver");
    int flags;
    try {
      flags = Dep.parseFlags(x.attr("flags"));
    } catch (IllegalArgumentException e) {
      throw new RepoException("could not read " + source + ": " + e.getMessage() + " on " + name);
    }
    if (flags == 0 || ver == null) {
      return new Dep(name, 0, null);
    }
    return new Dep(name, flags, evr(x.attr("epoch"), ver, x.attr("rel"), source));
  }

  private Evr evr(String epoch, String ver, String rel, String source) throws RepoException {
    if (ver == null) {
      throw new RepoException("could not read " + source + ": version without ver attribute");
    }
    int e;
    try {
      e = epoch == null || epoch.isEmpty() ? 0 : Integer.parseInt(epoch);
    } catch (NumberFormatException ex) {
      throw new RepoException("could not read " + source + ": bad epoch '" + epoch + "'");
    }
    Evr evr = new Evr(e, ver, rel);
    Evr shared = evrs.putIfAbsent(evr, evr);
    return shared == null ? evr : shared;
  }

  private static long parseLong(String s, String source) throws RepoException {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new RepoException("could not read " + source + ": bad size '" + s + "'");
    }
  }

  /** Mutable state of the package being parsed. */
  private static final class Builder {
    String name;
    String arch;
    Evr evr;
    String checksum;
    String location;
    long size = -1;
    List<Dep> provides = List.of();
    List<Dep> requires = List.of();
    List<Dep> conflicts = List.of();
    List<Dep> obsoletes = List.of();
    List<Dep> recommends = List.of();
    List<Dep> supplements = List.of();
    List<Dep> suggests = List.of();
    List<Dep> enhances = List.of();
    final List<String> files = new ArrayList<>();

    RpmPackage build(String repoId, String source) throws RepoException {
      if (name == null || arch == null || evr == null || location == null || checksum == null) {
        throw new RepoException("could not read " + source + ": package " + name
            + " lacks name, arch, version, location or checksum");
      }
      return new RpmPackage(name, evr, arch, repoId, location, checksum, size, provides, requires, conflicts,
          obsoletes, recommends, supplements, suggests, enhances, files.isEmpty() ? List.of() : List.copyOf(files));
    }
  }
}
