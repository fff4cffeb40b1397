package io.kubeferry.lab.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Builds one fixture image (both platforms + index) into a {@link BlobStore}: jib-core builds each platform image from
 * scratch as an OCI tarball (deterministic layers and config), the lab appends its own extra layers (filler, variant
 * marker) and writes the manifests and index itself in the image's {@link IndexFormat}.
 */
final class FixtureBuilder {
  /** Platforms of every fixture, as written in the index ({@code os/arch[/variant]}). */
  static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64/v8");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlobStore store;
  private final Path jibCache;
  private final Path scratch;

  FixtureBuilder(BlobStore store, Path jibCache, Path scratch) {
    this.store = store;
    this.jibCache = jibCache;
    this.scratch = scratch;
  }

  /** Result: the index and its per-platform manifests, all in the store. */
  record Built(Digest index, Map<String, Digest> manifests) {
  }

  Built build(FixtureImage image, int variant, long fillerBytesPerPlatform) throws IOException {
    List<ManifestJson.Descriptor> entries = new ArrayList<>();
    Map<String, Digest> manifests = new java.util.LinkedHashMap<>();
    for (String platform : PLATFORMS) {
      String arch = platform.split("/")[1];
      JibOutput jibOut = jibBuild(image, arch);
      List<ExtraLayer.Built> extras = new ArrayList<>();
      if (fillerBytesPerPlatform > 0) {
        extras.add(ExtraLayer.filler(store, image.repository() + "/" + arch, fillerBytesPerPlatform));
      }
      if (variant != 0) {
        extras.add(ExtraLayer.marker(store, image.canonicalRef() + " variant " + variant + " " + platform));
      }
      byte[] config = withExtraLayers(store.read(jibOut.config()), extras);
      Digest configDigest = store.put(config);
      List<ManifestJson.Descriptor> layers = new ArrayList<>();
      for (ManifestJson.Descriptor l : jibOut.layers()) {
        layers.add(new ManifestJson.Descriptor(image.format().layerMediaType(), l.digest(), l.size(), null));
      }
      for (ExtraLayer.Built e : extras) {
        layers.add(new ManifestJson.Descriptor(image.format().layerMediaType(), e.digest(), e.size(), null));
      }
      byte[] manifest = ManifestJson.manifest(image.format(), new ManifestJson.Descriptor(
          image.format().configMediaType(), configDigest, config.length, null), layers);
      Digest md = store.put(manifest);
      manifests.put(platform, md);
      entries.add(new ManifestJson.Descriptor(image.format().manifestMediaType(), md, manifest.length, platform));
    }
    Digest index = store.put(ManifestJson.index(image.format(), entries));
    return new Built(index, manifests);
  }

  /** Where jib's output went: config digest and layer descriptors (media types are rewritten later). */
  private record JibOutput(Digest config, List<ManifestJson.Descriptor> layers) {
  }

  private JibOutput jibBuild(FixtureImage image, String arch) throws IOException {
    Files.createDirectories(scratch);
    Path work = Files.createTempDirectory(scratch, "jib-");
    try {
      Path tar = work.resolve("image.tar");
      JibContainerBuilder b = Jib.fromScratch()
          .setFormat(ImageFormat.OCI)
          .setPlatforms(Set.of(new Platform(arch, "linux")));
      FixtureLayers.addTo(b, image, arch, work.resolve("files"));
      b.containerize(Containerizer.to(TarImage.at(tar).named(image.canonicalRef()))
          .setApplicationLayersCache(jibCache).setBaseImageLayersCache(jibCache).setOfflineMode(true));
      return importTar(tar);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building fixture " + image.canonicalRef(), e);
    } catch (ExecutionException | com.google.cloud.tools.jib.api.InvalidImageReferenceException
        | com.google.cloud.tools.jib.api.CacheDirectoryCreationException
        | com.google.cloud.tools.jib.api.RegistryException e) {
      throw new IOException("could not build fixture " + image.canonicalRef() + " for " + arch + " with jib: "
          + e.getMessage(), e);
    } finally {
      LabRegistry.deleteTree(work);
    }
  }

  /** Copies jib's OCI tarball blobs into the store (verifying digests) and reads its single manifest. */
  private JibOutput importTar(Path tar) throws IOException {
    byte[] indexJson = null;
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().startsWith("blobs/sha256/")) {
          store.put((InputStream) in, Digest.sha256Hex(e.getName().substring("blobs/sha256/".length())));
        } else if (e.getName().equals("index.json")) {
          indexJson = in.readAllBytes();
        }
      }
    }
    if (indexJson == null) {
      throw new IOException("jib tarball " + tar + " has no index.json");
    }
    Digest manifestDigest = Digest.parse(JSON.readTree(indexJson).get("manifests").get(0).get("digest").asText());
    JsonNode manifest = JSON.readTree(store.read(manifestDigest));
    List<ManifestJson.Descriptor> layers = new ArrayList<>();
    for (JsonNode l : manifest.get("layers")) {
      layers.add(new ManifestJson.Descriptor(l.get("mediaType").asText(), Digest.parse(l.get("digest").asText()),
          l.get("size").asLong(), null));
    }
    return new JibOutput(Digest.parse(manifest.get("config").get("digest").asText()), layers);
  }

  /** Appends the extra layers to the config's rootfs.diff_ids and history; unchanged bytes when there are none. */
  private static byte[] withExtraLayers(byte[] config, List<ExtraLayer.Built> extras) throws IOException {
    if (extras.isEmpty()) {
      return config;
    }
    ObjectNode root = (ObjectNode) JSON.readTree(config);
    ArrayNode diffIds = (ArrayNode) root.get("rootfs").get("diff_ids");
    ArrayNode history = root.has("history") ? (ArrayNode) root.get("history") : root.putArray("history");
    for (ExtraLayer.Built e : extras) {
      diffIds.add(e.diffId().toString());
      history.addObject().put("created", "1970-01-01T00:00:00Z").put("created_by", "kubeferry-lab extra layer");
    }
    return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
  }
}
