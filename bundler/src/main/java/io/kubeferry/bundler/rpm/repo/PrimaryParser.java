package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.Evr;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams primary.xml into {@link RpmPackage}s, one package at a time, so memory holds only the compact result.
 * Repeated strings (dependency names, versions, arches) are shared through an interner: a 18k-package primary
 * with ~1M dependency entries stays well under 100 MiB. Not thread-safe; one instance per document.
 */
final class PrimaryParser {
  private final String repoId;
  private final Map<String, String> strings = new HashMap<>();
  private final Map<Evr, Evr> evrs = new HashMap<>();

  PrimaryParser(String repoId) {
    this.repoId = repoId;
  }

  /** Parses the document, handing each package to {@code sink}; {@code source} names it in messages. */
  void parse(InputStream in, String source, Consumer<RpmPackage> sink) throws RepoException, XMLStreamException {
    XMLStreamReader r = SecureXml.reader(in);
    Builder b = null;
    List<Dep> deps = null;
    List<Dep> preDeps = null;
    StringBuilder text = new StringBuilder();
    boolean collect = false;
    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.DTD -> throw new RepoException(
            "could not read " + source + ": DOCTYPE is not allowed in repository metadata");
        case XMLStreamConstants.START_ELEMENT -> {
          String el = r.getLocalName();
          switch (el) {
            case "package" -> b = new Builder();
            case "name", "arch", "file" -> {
              collect = b != null;
              text.setLength(0);
            }
            case "checksum" -> {
              if (b != null) {
                b.checksumType = RepoMd.normalizeAlgo(r.getAttributeValue(null, "type"));
                collect = true;
                text.setLength(0);
              }
            }
            case "version" -> {
              if (b != null && deps == null) {
                b.evr = evr(r.getAttributeValue(null, "epoch"), r.getAttributeValue(null, "ver"),
                    r.getAttributeValue(null, "rel"));
              }
            }
            case "size" -> {
              if (b != null) {
                String s = r.getAttributeValue(null, "package");
                b.size = s == null ? -1 : Long.parseLong(s);
              }
            }
            case "location" -> {
              if (b != null) {
                b.location = r.getAttributeValue(null, "href");
              }
            }
            case "provides", "requires", "conflicts", "obsoletes", "recommends", "supplements", "suggests", "enhances" -> {
              if (b != null) {
                deps = new ArrayList<>();
                preDeps = new ArrayList<>();
              }
            }
            case "entry" -> {
              if (deps != null) {
                Dep d = dep(r);
                if ("1".equals(r.getAttributeValue(null, "pre"))) {
                  preDeps.add(d);
                } else {
                  deps.add(d);
                }
              }
            }
            default -> { }
          }
        }
        case XMLStreamConstants.CHARACTERS -> {
          if (collect) {
            text.append(r.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (b == null) {
            break;
          }
          String el = r.getLocalName();
          switch (el) {
            case "name" -> b.name = intern(text.toString().trim());
            case "arch" -> b.arch = intern(text.toString().trim());
            case "checksum" -> b.checksum = b.checksumType + ":" + text.toString().trim();
            case "file" -> b.files.add(intern(text.toString()));
            case "provides" -> b.provides = done(deps, preDeps);
            case "requires" -> b.requires = done(deps, preDeps);
            case "conflicts" -> b.conflicts = done(deps, preDeps);
            case "obsoletes" -> b.obsoletes = done(deps, preDeps);
            case "recommends" -> b.recommends = done(deps, preDeps);
            case "supplements" -> b.supplements = done(deps, preDeps);
            case "suggests" -> b.suggests = done(deps, preDeps);
            case "enhances" -> b.enhances = done(deps, preDeps);
            case "package" -> {
              sink.accept(b.build(repoId, source));
              b = null;
            }
            default -> { }
          }
          if (el.equals("provides") || el.equals("requires") || el.equals("conflicts") || el.equals("obsoletes")
              || el.equals("recommends") || el.equals("supplements") || el.equals("suggests") || el.equals("enhances")) {
            deps = null;
            preDeps = null;
          }
          collect = false;
        }
        default -> { }
      }
    }
  }

  private static List<Dep> done(List<Dep> deps, List<Dep> pre) {
    if (deps.isEmpty() && pre.isEmpty()) {
      return List.of();
    }
    deps.addAll(pre);
    return List.copyOf(deps);
  }

  private Dep dep(XMLStreamReader r) {
    String name = intern(r.getAttributeValue(null, "name"));
    int flags = Dep.parseFlags(r.getAttributeValue(null, "flags"));
    if (flags == 0) {
      return new Dep(name, 0, null);
    }
    String ver = r.getAttributeValue(null, "ver");
    if (ver == null) {
      return new Dep(name, 0, null);
    }
    return new Dep(name, flags, evr(r.getAttributeValue(null, "epoch"), ver, r.getAttributeValue(null, "rel")));
  }

  private Evr evr(String epoch, String ver, String rel) {
    Evr e = new Evr(epoch == null || epoch.isEmpty() ? 0 : Integer.parseInt(epoch), intern(ver),
        rel == null ? null : intern(rel));
    return evrs.computeIfAbsent(e, k -> k);
  }

  private String intern(String s) {
    return s == null ? null : strings.computeIfAbsent(s, k -> k);
  }

  /** Mutable state of the package being parsed. */
  private static final class Builder {
    String name;
    String arch;
    Evr evr;
    String checksumType;
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
