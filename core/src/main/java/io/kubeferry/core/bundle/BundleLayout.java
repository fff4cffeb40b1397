package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place every path inside a bundle is spelled (format v1, docs/adr/0001-bundle-format.md). Paths are
 * relative, {@code /}-separated, without a top-level directory. The tarball starts with {@link #MANIFEST} and
 * {@link #MANIFEST_SIGNATURE} so a verifier can check the root of trust before hashing the rest in one pass.
 */
public final class BundleLayout {
  private BundleLayout() {}

  /** The format this code writes; {@link BundleManifestCodec} also reads every older version listed there. */
  public static final String API_VERSION = "kubeferry.io/v2";
  /** The first format: readable (verify, inspect), but it lacks what an install needs (docs/adr/0008). */
  public static final String API_VERSION_V1 = "kubeferry.io/v1";
  public static final String KIND = "Bundle";

  public static final String MANIFEST = "bundle.yaml";
  public static final String MANIFEST_SIGNATURE = "bundle.yaml.asc";
  /** OCI image layout: {@code oci-layout}, {@code index.json}, {@code blobs/sha256/*}. */
  public static final String IMAGES = "images/";
  public static final String IMAGES_INDEX = IMAGES + "index.json";
  public static final String IMAGES_OCI_LAYOUT = IMAGES + "oci-layout";
  private static final String IMAGES_BLOBS = IMAGES + "blobs/";
  /** Signed yum repository: {@code repodata/}, packages. */
  public static final String REPO = "repo/";
  public static final String REPO_REPOMD = REPO + "repodata/repomd.xml";
  /** kubeadm config templates, CNI and HA manifests, systemd units. */
  public static final String MANIFESTS = "manifests/";
  /**
   * The operator's add-on manifests ({@code bundle build --addons DIR}), plain Kubernetes YAML kept under their paths
   * relative to that directory; applied in path order after the CNI.
   */
  public static final String ADDONS = "addons/";
  /** kubeferry itself: launcher, {@code lib/*.jar}, {@code runtime/} (jlink'ed Java). */
  public static final String INSTALLER = "installer/";
  public static final String INSTALLER_LAUNCHER = INSTALLER + "kubeferry";
  public static final String INSTALLER_LIB = INSTALLER + "lib/";
  public static final String INSTALLER_RUNTIME = INSTALLER + "runtime/";
  public static final String LOCKS = "locks/";
  public static final String IMAGES_LOCK = LOCKS + "images.lock";
  public static final String RPMS_LOCK = LOCKS + "rpms.lock";
  public static final String KEYS = "keys/";
  /** The bundle key: signs the tarball, the manifest and the bundle's {@code repo/repodata/repomd.xml}. */
  public static final String PUBLIC_KEY = KEYS + "signing-key.pub.asc";
  /**
   * Upstream RPM signing keys, one armored file per source repository ({@link #rpmKey}): the RPMs keep their
   * upstream signatures, so the installer imports these for {@code gpgcheck=1}.
   */
  public static final String RPM_KEYS = KEYS + "rpm/";
  private static final java.util.regex.Pattern REPO_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Kinds of file in a bundle, used in reports and by the tamper tests. */
  public enum FileClass {
    MANIFEST, SIGNATURE, IMAGE, RPM_REPO, TEMPLATE, ADDON, INSTALLER, LOCK, KEY, OTHER;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Path of a blob in the image layout. */
  public static String imageBlob(Digest digest) {
    return IMAGES_BLOBS + digest.algorithm() + "/" + digest.hex();
  }

  /** Path of the RPM signing key of source repository {@code repoId}: {@code keys/rpm/<repoId>.asc}. */
  public static String rpmKey(String repoId) {
    if (repoId == null || !REPO_ID.matcher(repoId).matches() || repoId.length() > 100) {
      throw new IllegalArgumentException("invalid repository id '" + repoId + "' (letters, digits, '.', '_', '-')");
    }
    return RPM_KEYS + repoId + ".asc";
  }

  /** True for a path made by {@link #rpmKey}. */
  public static boolean isRpmKey(String path) {
    return path.startsWith(RPM_KEYS) && path.endsWith(".asc")
        && REPO_ID.matcher(path.substring(RPM_KEYS.length(), path.length() - 4)).matches();
  }

  /** The repository id of an {@link #isRpmKey} path. */
  public static String rpmKeyRepo(String path) {
    if (!isRpmKey(path)) {
      throw new IllegalArgumentException("not an RPM key path: " + path);
    }
    return path.substring(RPM_KEYS.length(), path.length() - 4);
  }

  /** The file class of a bundle path. */
  public static FileClass classify(String path) {
    if (path.equals(MANIFEST)) {
      return FileClass.MANIFEST;
    } else if (path.equals(MANIFEST_SIGNATURE)) {
      return FileClass.SIGNATURE;
    } else if (path.startsWith(IMAGES)) {
      return FileClass.IMAGE;
    } else if (path.startsWith(REPO)) {
      return FileClass.RPM_REPO;
    } else if (path.startsWith(MANIFESTS)) {
      return FileClass.TEMPLATE;
    } else if (path.startsWith(ADDONS)) {
      return FileClass.ADDON;
    } else if (path.startsWith(INSTALLER)) {
      return FileClass.INSTALLER;
    } else if (path.startsWith(LOCKS)) {
      return FileClass.LOCK;
    } else if (path.startsWith(KEYS)) {
      return FileClass.KEY;
    }
    return FileClass.OTHER;
  }

  /** The detached signature beside a tarball: {@code x.tgz} → {@code x.tgz.asc}. */
  public static Path tarballSignature(Path tarball) {
    return tarball.resolveSibling(tarball.getFileName() + ".asc");
  }

  /** Part {@code index} (0-based) of a split tarball: {@code x.tgz.000}, {@code x.tgz.001}, ... */
  public static Path part(Path tarball, int index) {
    return tarball.resolveSibling(tarball.getFileName() + String.format(Locale.ROOT, ".%03d", index));
  }

  /**
   * Checks that {@code path} is a safe bundle path: relative, {@code /}-separated, no empty, {@code .} or {@code ..}
   * segment, no backslash or control character. Returns it unchanged.
   */
  public static String checkPath(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.length() > 4096) {
      throw new IllegalArgumentException("unsafe bundle path '" + path + "' (must be relative, not a directory)");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw new IllegalArgumentException("unsafe bundle path '" + path + "' (control character or backslash)");
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("unsafe bundle path '" + path + "' (empty, '.' or '..' segment)");
      }
    }
    return path;
  }

  /** Resolves a checked bundle path under {@code root}; never escapes it. */
  public static Path resolve(Path root, String path) {
    Path resolved = root.resolve(checkPath(path)).normalize();
    if (!resolved.startsWith(root.normalize())) {
      throw new IllegalArgumentException("unsafe bundle path '" + path + "' (escapes " + root + ")");
    }
    return resolved;
  }
}
