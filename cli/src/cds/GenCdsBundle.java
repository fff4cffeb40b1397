import io.kubeferry.core.bundle.*;
import io.kubeferry.core.pack.*;
import io.kubeferry.core.sign.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/**
 * Writes cli/src/cds/bundle: a tiny signed bundle (one small file, ED25519 key without expiry, not kept) that the
 * class-data training verifies, written by kubeferry's one bundle writer. Not compiled by the build; to remake it
 * after a bundle format change:
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
    String readme = "manifests/README";
    BundleContents contents = new BundleContents("1.23.1", "el7", "amd64",
        new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "", "none"), Map.of(), List.of(),
        List.of(), List.of(), List.of());
    new BundleBuilder().build(new BuildOptions(contents, null, null, Map.of(readme, PackEntry.ofBytes(readme,
        "kubeferry class-data training bundle: not a real bundle\n".getBytes(StandardCharsets.UTF_8))), null, null,
        Signer.fromFile(keys.resolve(GeneratedKey.SECRET_FILE), null), dir.resolve("kubeferry-cds.tgz"),
        PackOptions.defaults(), null));
  }
}
