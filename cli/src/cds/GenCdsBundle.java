import io.kubeferry.core.Digest;
import io.kubeferry.core.bundle.*;
import io.kubeferry.core.sign.*;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import org.apache.commons.compress.archivers.tar.*;

/**
 * Writes cli/src/cds/bundle: a tiny signed bundle (two small files, ED25519 key without expiry, not kept) that the
 * class-data training verifies. Not compiled by the build; to remake it after a bundle format change:
 * {@code java -cp "cli/target/kubeferry/lib/*" cli/src/cds/GenCdsBundle.java cli/src/cds/bundle}
 */
public class GenCdsBundle {
  public static void main(String[] a) throws Exception {
    Path dir = Files.createDirectories(Path.of(a[0]));
    GeneratedKey key = KeyGenerator.generate(
        KeyGenOptions.of(KeyType.ED25519).withUserId("kubeferry CDS training (test only)"));
    Path keys = Files.createTempDirectory("cdskeys");
    key.writeTo(keys);
    Files.copy(keys.resolve(GeneratedKey.PUBLIC_FILE), dir.resolve("bundle-key.pub.asc"),
        StandardCopyOption.REPLACE_EXISTING);
    Map<String, byte[]> content = new TreeMap<>();
    content.put(BundleLayout.PUBLIC_KEY, Files.readAllBytes(keys.resolve(GeneratedKey.PUBLIC_FILE)));
    content.put("manifests/README",
        "kubeferry class-data training bundle: not a real bundle\n".getBytes(StandardCharsets.UTF_8));
    List<FileEntry> files = new ArrayList<>();
    for (var e : content.entrySet()) {
      files.add(new FileEntry(e.getKey(), Digest.sha256Of(e.getValue()), e.getValue().length, false));
    }
    BundleManifest m = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.23.1", List.of("el7"),
        List.of("amd64"), key.fingerprint().hex(), List.of(), List.of(), files);
    Signer signer = Signer.fromFile(keys.resolve(GeneratedKey.SECRET_FILE), null);
    byte[] manifest = BundleManifestCodec.write(m);
    Path tgz = dir.resolve("kubeferry-cds.tgz");
    try (OutputStream out = Files.newOutputStream(tgz);
        java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, BundleLayout.MANIFEST, manifest);
      put(tar, BundleLayout.MANIFEST_SIGNATURE, signer.signArmored(manifest));
      for (var e : content.entrySet()) put(tar, e.getKey(), e.getValue());
    }
    Files.write(BundleLayout.tarballSignature(tgz), signer.signArmored(Files.readAllBytes(tgz)));
  }

  static void put(TarArchiveOutputStream tar, String name, byte[] data) throws Exception {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length); e.setMode(0100644); e.setModTime(0);
    tar.putArchiveEntry(e); tar.write(data); tar.closeArchiveEntry();
  }
}
