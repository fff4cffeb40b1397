package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI image layout directory: {@code oci-layout}, {@code index.json} and {@code blobs/sha256/...}. Each image
 * is one {@code index.json} entry pointing at the upstream manifest or index (byte-exact, so digests are the
 * upstream ones), annotated with {@code org.opencontainers.image.ref.name} and the canonical reference
 * {@value #REF_ANNOTATION}. A blob shared by several images or platforms is stored once. Thread-safe: blob
 * writes are atomic renames and {@code index.json} updates are serialised and written atomically.
 */
public final class OciLayout {
  /** Annotation carrying the image's canonical reference, e.g. {@code registry.k8s.io/pause:3.6}. */
  public static final String REF_ANNOTATION = "io.kubeferry.image.ref";
  /** The standard OCI annotation with the image's name in the layout. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";

  private final Path dir;
  private final BlobStore blobs;
  private final Map<String, Descriptor> entries = new LinkedHashMap<>();

  private OciLayout(Path dir) {
    this.dir = dir;
    this.blobs = new BlobStore(dir);
  }

  /** Opens a layout, creating it when the directory is empty or missing; reads an existing {@code index.json}. */
  public static OciLayout open(Path dir) throws IOException {
    OciLayout l = new OciLayout(dir);
    Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
    Path layout = dir.resolve("oci-layout");
    if (!Files.exists(layout)) {
      writeAtomically(layout, LAYOUT);
    }
    l.entries.putAll(readIndex(dir));
    return l;
  }

  public Path dir() {
    return dir;
  }

  public BlobStore blobs() {
    return blobs;
  }

  /** Stores a manifest's raw bytes as a blob. */
  public void putManifest(Manifest m) throws IOException {
    blobs.write(m.digest(), m.raw());
  }

  /** Reads a manifest blob back, keeping its media type from the descriptor. */
  public Manifest manifest(Descriptor d) throws IOException {
    byte[] raw = Files.readAllBytes(blobs.path(d.digest()));
    Manifest m = new Manifest(d.mediaType(), Digest.sha256Of(raw), raw);
    if (!m.digest().equals(d.digest())) {
      throw new IOException("manifest blob " + d.digest() + " in " + dir + " is corrupt");
    }
    return m;
  }

  /**
   * Adds or replaces an image entry and rewrites {@code index.json} atomically.
   *
   * @param canonicalRef the image's canonical reference (the key; an entry with the same key is replaced)
   * @param refName value for {@code org.opencontainers.image.ref.name} (what {@code oci:DIR:NAME} selects)
   */
  public synchronized void addImage(String canonicalRef, String refName, Descriptor top) throws IOException {
    // A lock on the oci-layout file (always there, never rewritten) makes several processes writing one layout
    // safe without an extra file in it: re-read what others wrote, merge, write.
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve("oci-layout"),
        java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = ch.lock()) {
      Map<String, Descriptor> onDisk = readIndex(dir);
      onDisk.forEach(entries::putIfAbsent);
      entries.put(canonicalRef, top.withAnnotations(Map.of(REF_ANNOTATION, canonicalRef, REF_NAME, refName)));
      writeIndex();
    }
  }

  private static Map<String, Descriptor> readIndex(Path dir) throws IOException {
    Map<String, Descriptor> out = new LinkedHashMap<>();
    Path index = dir.resolve("index.json");
    if (Files.exists(index)) {
      Manifest idx = Manifest.of(Files.readAllBytes(index), io.kubeferry.core.MediaTypes.OCI_INDEX);
      for (Descriptor d : idx.children()) {
        out.put(d.annotations().getOrDefault(REF_ANNOTATION,
            d.annotations().getOrDefault(REF_NAME, d.digest().toString())), d);
      }
    }
    return out;
  }

  /**
   * The image entries of an existing layout's {@code index.json}, by canonical reference, read without creating or
   * changing anything (an unpacked bundle must stay as it was verified).
   *
   * @throws java.nio.file.NoSuchFileException when the layout has no {@code index.json}
   */
  public static Map<String, Descriptor> readImages(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve("index.json"))) {
      throw new java.nio.file.NoSuchFileException(dir.resolve("index.json").toString(), null,
          "not an OCI image layout");
    }
    return readIndex(dir);
  }

  /** The image entries, by canonical reference (insertion order). */
  public synchronized Map<String, Descriptor> images() {
    return new LinkedHashMap<>(entries);
  }

  /** Finds an entry by canonical reference or by {@code ref.name}; null when absent. */
  public synchronized Descriptor find(String ref) {
    Descriptor d = entries.get(ref);
    if (d != null) {
      return d;
    }
    return entries.values().stream().filter(e -> ref.equals(e.annotations().get(REF_NAME))).findFirst().orElse(null);
  }

  private void writeIndex() throws IOException {
    List<Object> manifests = new ArrayList<>();
    entries.values().stream().sorted(Comparator.comparing(e -> e.annotations().get(REF_ANNOTATION)))
        .forEach(e -> manifests.add(descriptorJson(e)));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 2);
    doc.put("mediaType", io.kubeferry.core.MediaTypes.OCI_INDEX);
    doc.put("manifests", manifests);
    writeAtomically(dir.resolve("index.json"), Json.write(doc));
  }

  static Map<String, Object> descriptorJson(Descriptor d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mediaType", d.mediaType());
    m.put("digest", d.digest().toString());
    m.put("size", d.size());
    if (d.platform() != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("architecture", d.platform().architecture());
      p.put("os", d.platform().os());
      if (d.platform().variant() != null) {
        p.put("variant", d.platform().variant());
      }
      m.put("platform", p);
    }
    if (!d.annotations().isEmpty()) {
      m.put("annotations", new LinkedHashMap<>(d.annotations()));
    }
    return m;
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
