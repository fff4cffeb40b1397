package io.kubeferry.installer.plan;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * The key of a value one step produces and later steps (or a later run) read, kept in the install state directory
 * as {@code outputs/<name>}: e.g. the cluster CA certificate (public) and key (secret), a join token (secret).
 * {@code secret} values are stored owner-only and registered with the redactor; see {@link InstallState}.
 */
public record Output<T>(String name, Function<T, byte[]> encode, Function<byte[], T> decode, boolean secret) {
  public Output {
    Objects.requireNonNull(encode, "encode");
    Objects.requireNonNull(decode, "decode");
    if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException("output name '" + name + "' must be lowercase letters, digits, '.' and"
          + " '-' (it is a file name)");
    }
  }

  /** A public text value (a certificate, a discovery hash). */
  public static Output<String> text(String name) {
    return new Output<>(name, s -> s.getBytes(StandardCharsets.UTF_8), b -> new String(b, StandardCharsets.UTF_8),
        false);
  }

  /** A secret text value (a token, a private key). */
  public static Output<Secret> secret(String name) {
    return new Output<>(name, s -> s.reveal().getBytes(StandardCharsets.UTF_8),
        b -> new Secret(new String(b, StandardCharsets.UTF_8)), true);
  }

  @Override
  public String toString() {
    return name + (secret ? " (secret)" : "");
  }
}
