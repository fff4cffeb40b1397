package io.kubeferry.lab.registry;

import java.util.regex.Pattern;

/** What a request seen by the lab front, blob host or token server was for; used for counters and fault rules. */
public enum RequestKind {
  PING, MANIFEST_GET, MANIFEST_HEAD, MANIFEST_PUT, BLOB_GET, BLOB_HEAD, BLOB_UPLOAD, TAGS_LIST,
  /** A GET or HEAD on the redirect target (only in {@link Mode#REDIRECT}). */
  BLOB_HOST_GET,
  /** A token request to the token server (only in {@link Mode#TOKEN}). */
  TOKEN,
  OTHER;

  private static final Pattern MANIFEST = Pattern.compile("/v2/.+/manifests/[^/]+");
  private static final Pattern BLOB = Pattern.compile("/v2/.+/blobs/[a-z0-9]+:[a-f0-9]+");
  private static final Pattern UPLOAD = Pattern.compile("/v2/.+/blobs/uploads/.*");
  private static final Pattern TAGS = Pattern.compile("/v2/.+/tags/list");

  /** Classifies a registry API request by method and path (without query). */
  public static RequestKind classify(String method, String path) {
    boolean get = method.equals("GET");
    boolean head = method.equals("HEAD");
    if (path.equals("/v2/") || path.equals("/v2")) {
      return PING;
    }
    if (UPLOAD.matcher(path).matches()) {
      return BLOB_UPLOAD;
    }
    if (BLOB.matcher(path).matches()) {
      return get ? BLOB_GET : head ? BLOB_HEAD : OTHER;
    }
    if (MANIFEST.matcher(path).matches()) {
      return get ? MANIFEST_GET : head ? MANIFEST_HEAD : method.equals("PUT") ? MANIFEST_PUT : OTHER;
    }
    if (TAGS.matcher(path).matches()) {
      return TAGS_LIST;
    }
    return OTHER;
  }
}
