package io.kubeferry.lab.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** A user name and password for a lab registry (or its token server). {@link #toString()} hides the password. */
public record Credentials(String username, String password) {
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** The value of an {@code Authorization: Basic ...} header for these credentials. */
  public String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code user:password}, the form skopeo's {@code --src-creds} takes. */
  public String colonForm() {
    return username + ":" + password;
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
