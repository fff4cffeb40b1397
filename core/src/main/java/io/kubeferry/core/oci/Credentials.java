package io.kubeferry.core.oci;

import java.util.Objects;

/** A registry user name and password (or token). {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** The value of a Basic {@code Authorization} header. */
  public String basicHeader() {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[" + username + ", ***]";
  }
}
