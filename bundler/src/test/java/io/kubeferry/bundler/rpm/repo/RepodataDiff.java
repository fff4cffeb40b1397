package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.PrimarySnapshotAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Test helper: field-by-field differences between two repodata sets over the same RPMs (primary.xml's fields as
 * {@link io.kubeferry.bundler.rpm.PrimarySnapshotAccess} sees them, plus filelists.xml's files and other.xml's
 * changelogs), one line per difference: package, field, both values.
 */
final class RepodataDiff {
  private RepodataDiff() {}

  /** One field of one package where the two disagree; a value is null where the package or field is absent. */
  record Difference(String nevra, String field, String createrepo, String kubeferry) {
    @Override
    public String toString() {
      return nevra + " " + field + ":\n    createrepo_c: " + show(createrepo) + "\n    kubeferry:    " + show(kubeferry);
    }

    private static String show(String v) {
      return v == null ? "(absent)" : "[" + v.replace("\n", " | ") + "]";
    }
  }

  /** The differences of {@code ours} from {@code reference}; empty when they agree. */
  static List<Difference> of(Path reference, Path ours) throws Exception {
    Map<String, Map<String, String>> theirs = snapshot(reference);
    Map<String, Map<String, String>> mine = snapshot(ours);
    List<Difference> out = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(theirs.keySet());
    ids.addAll(mine.keySet());
    for (String id : ids) {
      Map<String, String> t = theirs.getOrDefault(id, Map.of());
      Map<String, String> m = mine.getOrDefault(id, Map.of());
      String nevra = t.isEmpty() ? m.get("nevra") : t.get("nevra");
      if (t.isEmpty() || m.isEmpty()) {
        out.add(new Difference(nevra, "package", t.isEmpty() ? null : id, m.isEmpty() ? null : id));
        continue;
      }
      TreeSet<String> fields = new TreeSet<>(t.keySet());
      fields.addAll(m.keySet());
      for (String f : fields) {
        if (!Objects.equals(t.get(f), m.get(f))) {
          out.add(new Difference(nevra, f, t.get(f), m.get(f)));
        }
      }
    }
    return out;
  }

  private static Map<String, Map<String, String>> snapshot(Path repo) throws Exception {
    Map<String, Map<String, String>> out = new TreeMap<>();
    PrimarySnapshotAccess.of(repo).forEach((id, fields) -> out.put(id, new TreeMap<>(fields)));
    Document filelists = PrimarySnapshotAccess.metadata(repo, "filelists");
    forEach(filelists.getElementsByTagName("package"), p -> {
      List<String> files = new ArrayList<>();
      forEach(p.getElementsByTagName("file"), f -> files.add(f.getAttribute("type") + ":" + f.getTextContent()));
      out.computeIfAbsent(p.getAttribute("pkgid"), k -> new TreeMap<>())
          .put("filelists.files", String.join("\n", files));
    });
    Document other = PrimarySnapshotAccess.metadata(repo, "other");
    forEach(other.getElementsByTagName("package"), p -> {
      List<String> logs = new ArrayList<>();
      forEach(p.getElementsByTagName("changelog"), c -> logs.add(c.getAttribute("date") + " "
          + c.getAttribute("author") + ": " + c.getTextContent()));
      out.computeIfAbsent(p.getAttribute("pkgid"), k -> new TreeMap<>())
          .put("other.changelogs", String.join("\n", logs));
    });
    return out;
  }

  private static void forEach(NodeList nodes, Consumer<Element> action) {
    for (int i = 0; i < nodes.getLength(); i++) {
      action.accept((Element) nodes.item(i));
    }
  }
}
