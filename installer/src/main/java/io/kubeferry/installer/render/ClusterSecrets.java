package io.kubeferry.installer.render;

import java.util.regex.Pattern;

/**
 * The generated secrets the files carry. {@code caCertHash} is empty until the cluster CA exists (only joins need
 * it); rendering a join without it fails as an unfilled placeholder.
 *
 * @param bootstrapToken {@code [a-z0-9]{6}.[a-z0-9]{16}}
 * @param certificateKey 64 hex digits, the key of kubeadm's uploaded control-plane certificates (HA)
 * @param caCertHash {@code sha256:} + 64 hex digits, or empty
 * @param vrrpPassword keepalived's PASS authentication, 1 to 8 letters and digits
 */
public record ClusterSecrets(String bootstrapToken, String certificateKey, String caCertHash, String vrrpPassword) {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9]{6}\\.[a-z0-9]{16}");
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern VRRP = Pattern.compile("[A-Za-z0-9]{1,8}");

  public ClusterSecrets {
    caCertHash = caCertHash == null ? "" : caCertHash;
    // Messages never show a secret, only which one is malformed.
    if (bootstrapToken == null || !TOKEN.matcher(bootstrapToken).matches()) {
      throw new IllegalArgumentException("invalid bootstrap token (expected [a-z0-9]{6}.[a-z0-9]{16})");
    }
    if (certificateKey == null || !KEY.matcher(certificateKey).matches()) {
      throw new IllegalArgumentException("invalid certificate key (expected 64 hex digits)");
    }
    if (!caCertHash.isEmpty() && !HASH.matcher(caCertHash).matches()) {
      throw new IllegalArgumentException("invalid CA certificate hash (expected sha256: and 64 hex digits)");
    }
    if (vrrpPassword == null || !VRRP.matcher(vrrpPassword).matches()) {
      throw new IllegalArgumentException("invalid VRRP password (expected 1 to 8 letters and digits)");
    }
  }

  @Override
  public String toString() {
    return "ClusterSecrets[redacted]";
  }
}
