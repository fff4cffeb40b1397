package io.kubeferry.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import io.kubeferry.core.IntegrityException;
import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleFormatException;
import io.kubeferry.core.bundle.BundleHead;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.bundle.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delta lists the whole bundle but carries only what its base does not hold, and says which base it needs. */
class DeltaBundleTest {
  private static final String NEW_ADDON = BundleLayout.ADDONS + "20-more.yaml";

  @TempDir Path out;
  private TestContent c;
  private BuildResult base;

  @BeforeEach
  void buildBase() throws Exception {
    c = TestContent.get();
    base = c.build(out.resolve("base/k.tgz"), PackOptions.defaults());
  }

  /** The same content plus one new add-on file, built on {@code on}. */
  private BuildResult delta(Path output, DeltaBase on) throws Exception {
    BuildOptions o = c.options(output, PackOptions.defaults());
    Map<String, PackEntry> files = new HashMap<>(o.files());
    files.put(NEW_ADDON, PackEntry.ofBytes(NEW_ADDON, "apiVersion: v1\nkind: ConfigMap\n"
        .getBytes(StandardCharsets.UTF_8)));
    BundleContents k = o.contents();
    List<TemplateEntry> addons = new java.util.ArrayList<>(k.addons());
    addons.add(new TemplateEntry(NEW_ADDON, List.of()));
    BundleContents contents = new BundleContents(k.kubernetesVersion(), k.os(), k.arch(), k.cluster(),
        k.packages(), k.sources(), k.images(), k.rpms(), k.templates(), addons);
    return new BundleBuilder().build(new BuildOptions(contents, o.imageLayout(), o.repoDir(), files, o.installer(),
        o.locksDir(), o.signer(), output, o.pack(), null, on));
  }

  private static Set<String> entries(Path tarball) throws Exception {
    return new TreeSet<>(Fixtures.run(tarball.getParent(), "tar", "tzf", tarball.toString()).lines().toList());
  }

  @Test
  void aDeltaCarriesOnlyWhatItsBaseLacksAndNamesTheBase() throws Exception {
    BuildResult d = delta(out.resolve("delta/d.tgz"), DeltaBase.read(base.tarball(), c.trusted));

    assertEquals(Set.of(BundleLayout.MANIFEST, BundleLayout.MANIFEST_SIGNATURE, NEW_ADDON), entries(d.tarball()));
    BundleManifest m = d.manifest();
    assertTrue(m.delta());
    assertEquals(Digest.sha256Of(BundleHead.read(base.tarball()).manifest()), m.base().manifest());
    assertEquals("k.tgz", m.base().name());
    assertEquals(base.manifest().files().size(), m.filesFromBase().size(), "every file of the base is left to it");
    assertEquals(base.manifest().files().size() + 1, m.files().size(), "the manifest still lists the whole bundle");
    assertEquals(List.of(TestContent.ADDON, NEW_ADDON), m.addons().stream().map(TemplateEntry::path).toList());

    VerificationResult v = new BundleVerifier(c.trusted, ArchiveLimits.defaults()).verify(d.tarball());
    assertEquals(1, v.files(), "only the new add-on is carried and checked");
    assertTrue(v.manifest().delta());
  }

  @Test
  void aDeltaThatAlsoCarriesABaseFileFailsVerification() throws Exception {
    BuildResult d = delta(out.resolve("delta/d.tgz"), DeltaBase.read(base.tarball(), c.trusted));
    FileEntry layer = d.manifest().filesFromBase().stream().filter(f -> f.path().startsWith("images/blobs/"))
        .findFirst().orElseThrow();
    Path dir = Files.createDirectories(out.resolve("x"));
    Fixtures.run(dir, "tar", "xzf", d.tarball().toString());
    Path blob = dir.resolve(layer.path());
    Files.createDirectories(blob.getParent());
    Files.copy(c.layout.resolve(layer.path().substring(BundleLayout.IMAGES.length())), blob);
    Path repacked = out.resolve("repacked.tgz");
    List<PackEntry> packed = new java.util.ArrayList<>();
    for (String p : List.of(BundleLayout.MANIFEST, BundleLayout.MANIFEST_SIGNATURE, layer.path(), NEW_ADDON)) {
      packed.add(PackEntry.ofFile(p, dir.resolve(p), false));
    }
    new TarPacker().pack(packed, PackOptions.defaults(), repacked, null);
    Files.copy(d.signature(), BundleLayout.tarballSignature(repacked)); // the outer signature fails too; both named

    IntegrityException e = assertThrows(IntegrityException.class,
        () -> new BundleVerifier(c.trusted, ArchiveLimits.defaults()).verify(repacked));
    assertTrue(e.getMessage().contains(layer.path() + ": the signed manifest leaves it to the base bundle"),
        e.getMessage());
  }

  @Test
  void aDeltaIsNoBase() throws Exception {
    BuildResult d = delta(out.resolve("delta/d.tgz"), DeltaBase.read(base.tarball(), c.trusted));
    BundleFormatException e = assertThrows(BundleFormatException.class, () -> DeltaBase.read(d.tarball(),
        c.trusted));
    assertTrue(e.getMessage().contains("itself a delta (on k.tgz)"), e.getMessage());
  }
}
