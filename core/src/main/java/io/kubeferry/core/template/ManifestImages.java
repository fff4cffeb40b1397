package io.kubeferry.core.template;

import io.kubeferry.core.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds every container image of a Kubernetes manifest (multi-document YAML): the {@code containers},
 * {@code initContainers} and {@code ephemeralContainers} of Pods, of the pod templates of ReplicationControllers,
 * ReplicaSets, Deployments, DaemonSets, StatefulSets and Jobs, of CronJobs' job templates, and of the items of a
 * {@code List}. Other kinds carry no images. The YAML is read as a node tree (never as objects), so positions are
 * exact and nothing is executed. Stateless.
 */
public final class ManifestImages {
  private static final Map<String, List<String>> POD_SPEC = Map.of(
      "Pod", List.of("spec"),
      "ReplicationController", List.of("spec", "template", "spec"),
      "ReplicaSet", List.of("spec", "template", "spec"),
      "Deployment", List.of("spec", "template", "spec"),
      "DaemonSet", List.of("spec", "template", "spec"),
      "StatefulSet", List.of("spec", "template", "spec"),
      "Job", List.of("spec", "template", "spec"),
      "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));
  private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

  private ManifestImages() {}

  /** An image value and its exact place in the text (char offsets, end exclusive, quotes included). */
  record Located(ImageReference reference, int start, int end, ScalarStyle style) {}

  /**
   * Every image reference in text order (a node reached through an alias is listed at each use).
   *
   * @param file names the file in references and messages
   * @throws ManifestException for invalid YAML, a container without an image, or an image that is not a valid
   *     reference; the message names file, document and field
   */
  public static List<ImageReference> scan(String file, String text) throws ManifestException {
    return locate(file, text).stream().map(Located::reference).toList();
  }

  static List<Located> locate(String file, String text) throws ManifestException {
    List<Located> found = new ArrayList<>();
    int document = 0;
    try {
      for (Node root : new Compose(LoadSettings.builder().setLabel(file).build()).composeAllFromString(text)) {
        document++;
        new Walk(file, text, document, found).workload(root, "");
      }
    } catch (MarkedYamlEngineException e) {
      // The composer reads ahead, so the document being counted is not reliably the broken one: name the line.
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ManifestException(file, 0, "", "could not read images of " + file + ": not valid YAML at line " + line
          + ": " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ManifestException(file, 0, "", "could not read images of " + file + ": not valid YAML: "
          + e.getMessage().replace('\n', ' '));
    }
    found.sort(java.util.Comparator.comparingInt(Located::start)); // containers may come before initContainers
    return found;
  }

  /** One document's walk. */
  private record Walk(String file, String text, int document, List<Located> found) {
    void workload(Node node, String prefix) throws ManifestException {
      if (!(node instanceof MappingNode doc)) {
        return; // an empty document (comments only) or a bare scalar: no workload
      }
      String kind = scalar(doc, "kind", prefix);
      if ("List".equals(kind)) {
        Node items = child(doc, "items");
        if (items instanceof SequenceNode seq) {
          for (int i = 0; i < seq.getValue().size(); i++) {
            workload(seq.getValue().get(i), prefix + "items[" + i + "].");
          }
        }
        return;
      }
      List<String> specPath = POD_SPEC.get(kind);
      if (specPath == null) {
        return;
      }
      Node metadata = child(doc, "metadata");
      String name = metadata instanceof MappingNode m ? scalar(m, "name", prefix + "metadata.") : "";
      Node spec = doc;
      String path = prefix;
      for (String key : specPath) {
        spec = spec instanceof MappingNode m ? child(m, key) : null;
        path += key + ".";
        if (!(spec instanceof MappingNode)) {
          throw error(kind, name, path.substring(0, path.length() - 1), "missing or not a mapping");
        }
      }
      for (String list : CONTAINER_LISTS) {
        containers((MappingNode) spec, list, kind, name == null ? "" : name, path + list);
      }
    }

    private void containers(MappingNode podSpec, String list, String kind, String name, String path)
        throws ManifestException {
      Node node = child(podSpec, list);
      if (node == null) {
        return;
      }
      if (!(node instanceof SequenceNode seq)) {
        throw error(kind, name, path, "not a list");
      }
      for (int i = 0; i < seq.getValue().size(); i++) {
        String field = path + "[" + i + "].image";
        if (!(seq.getValue().get(i) instanceof MappingNode container)) {
          throw error(kind, name, path + "[" + i + "]", "not a mapping");
        }
        if (!(child(container, "image") instanceof ScalarNode image)) {
          throw error(kind, name, field, "missing or not a string");
        }
        found.add(located(image, kind, name, field));
      }
    }

    private Located located(ScalarNode image, String kind, String name, String field) throws ManifestException {
      if (image.getValue().isBlank()) {
        throw error(kind, name, field, "empty");
      }
      ImageRef ref;
      try {
        ref = ImageRef.parse(image.getValue());
      } catch (IllegalArgumentException e) {
        throw error(kind, name, field, e.getMessage());
      }
      int start = offset(image.getStartMark().orElseThrow());
      int end = offset(image.getEndMark().orElseThrow());
      return new Located(new ImageReference(file, document, kind, name, field, image.getValue(), ref), start, end,
          image.getScalarStyle());
    }

    /** Marks count code points; Java strings count UTF-16 chars. */
    private int offset(Mark mark) {
      return text.offsetByCodePoints(0, mark.getIndex());
    }

    private ManifestException error(String kind, String name, String field, String problem) {
      return new ManifestException(file, document, field, "could not read images of " + file + ": document "
          + document + " (" + kind + (name == null || name.isEmpty() ? "" : " " + name) + ") " + field + ": "
          + problem);
    }

    private String scalar(MappingNode map, String key, String prefix) throws ManifestException {
      Node n = child(map, key);
      if (n == null) {
        return null;
      }
      if (!(n instanceof ScalarNode s)) {
        throw new ManifestException(file, document, prefix + key, "could not read images of " + file + ": document "
            + document + " " + prefix + key + ": not a string");
      }
      return s.getValue();
    }
  }

  /** The value under {@code key}, or null. */
  static Node child(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }
}
