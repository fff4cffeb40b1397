package io.kubeferry.core.sign;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A v4 OpenPGP key fingerprint: 40 uppercase hex digits, as {@code gpg --fingerprint} prints without spaces. */
public record Fingerprint(String hex) {
  private static final Pattern FORM = Pattern.compile("[0-9A-F]{40}");

  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
    if (!FORM.matcher(hex).matches()) {
      throw new IllegalArgumentException("invalid OpenPGP fingerprint '" + hex + "' (expected 40 hex digits)");
    }
  }

  /** Parses 40 hex digits, ignoring spaces and case. */
  public static Fingerprint parse(String text) {
    return new Fingerprint(text == null ? "" : text.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
  }

  static Fingerprint of(byte[] raw) {
    return new Fingerprint(HexFormat.of().withUpperCase().formatHex(raw));
  }

  @Override
  public String toString() {
    return hex;
  }
}
