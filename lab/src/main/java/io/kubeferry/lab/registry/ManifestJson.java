package io.kubeferry.lab.registry;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes fixture manifests and indexes as text. Docker-typed documents are pretty-printed with three-space indentation
 * as docker itself writes them, OCI ones compact, so a client that re-serialises manifests changes digests and fails.
 */
final class ManifestJson {
  private ManifestJson() {
  }

  /** A content descriptor; {@code platform} ({@code os/arch[/variant]}) only for index entries. */
  record Descriptor(String mediaType, Digest digest, long size, String platform) {
  }

  static byte[] manifest(IndexFormat f, Descriptor config, List<Descriptor> layers) {
    boolean pretty = f == IndexFormat.DOCKER;
    StringBuilder b = new StringBuilder("{");
    field(b, pretty, 1, "schemaVersion", "2", false);
    field(b, pretty, 1, "mediaType", Json.write(f.manifestMediaType()), true);
    key(b, pretty, 1, "config", true);
    descriptor(b, pretty, 1, config);
    key(b, pretty, 1, "layers", true);
    list(b, pretty, 1, layers);
    return close(b, pretty, 0);
  }

  static byte[] index(IndexFormat f, List<Descriptor> manifests) {
    boolean pretty = f == IndexFormat.DOCKER;
    StringBuilder b = new StringBuilder("{");
    field(b, pretty, 1, "schemaVersion", "2", false);
    field(b, pretty, 1, "mediaType", Json.write(f.indexMediaType()), true);
    key(b, pretty, 1, "manifests", true);
    list(b, pretty, 1, manifests);
    return close(b, pretty, 0);
  }

  private static void list(StringBuilder b, boolean pretty, int depth, List<Descriptor> ds) {
    b.append('[');
    for (int i = 0; i < ds.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      indent(b, pretty, depth + 1);
      descriptor(b, pretty, depth + 1, ds.get(i));
    }
    indent(b, pretty, depth);
    b.append(']');
  }

  private static void descriptor(StringBuilder b, boolean pretty, int depth, Descriptor d) {
    b.append('{');
    field(b, pretty, depth + 1, "mediaType", Json.write(d.mediaType()), false);
    field(b, pretty, depth + 1, "size", Long.toString(d.size()), true);
    field(b, pretty, depth + 1, "digest", Json.write(d.digest().toString()), true);
    if (d.platform() != null) {
      String[] p = d.platform().split("/");
      key(b, pretty, depth + 1, "platform", true);
      b.append('{');
      field(b, pretty, depth + 2, "architecture", Json.write(p[1]), false);
      field(b, pretty, depth + 2, "os", Json.write(p[0]), true);
      if (p.length > 2) {
        field(b, pretty, depth + 2, "variant", Json.write(p[2]), true);
      }
      indent(b, pretty, depth + 1);
      b.append('}');
    }
    indent(b, pretty, depth);
    b.append('}');
  }

  private static void field(StringBuilder b, boolean pretty, int depth, String name, String value, boolean comma) {
    key(b, pretty, depth, name, comma);
    b.append(value);
  }

  private static void key(StringBuilder b, boolean pretty, int depth, String name, boolean comma) {
    if (comma) {
      b.append(',');
    }
    indent(b, pretty, depth);
    b.append(Json.write(name)).append(pretty ? ": " : ":");
  }

  private static void indent(StringBuilder b, boolean pretty, int depth) {
    if (pretty) {
      b.append('\n').append("   ".repeat(depth));
    }
  }

  private static byte[] close(StringBuilder b, boolean pretty, int depth) {
    indent(b, pretty, depth);
    b.append('}');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
