package io.kubeferry.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:9f86...}. Validated on parse; {@link #toString()} is canonical, so
 * {@code parse(d.toString()).equals(d)}. Immutable and thread-safe.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-f]{128}");

  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    Pattern p = switch (algorithm) {
      case "sha256" -> SHA256_HEX;
      case "sha512" -> SHA512_HEX;
      default -> throw new IllegalArgumentException(
          "unsupported digest algorithm '" + algorithm + "' (expected sha256 or sha512)");
    };
    if (!p.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "invalid " + algorithm + " digest '" + hex + "' (expected lowercase hex of the right length)");
    }
  }

  /** Parses {@code algorithm:hex}; throws {@link IllegalArgumentException} naming the input when malformed. */
  public static Digest parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("invalid digest '" + text + "' (expected sha256:<64 hex digits>)");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** A sha256 digest from its 64 hex digits. */
  public static Digest sha256Hex(String hex) {
    return new Digest("sha256", hex);
  }

  /** The sha256 digest of the given bytes. */
  public static Digest sha256Of(byte[] bytes) {
    return sha256Hex(HexFormat.of().formatHex(newSha256().digest(bytes)));
  }

  /** A fresh SHA-256 {@link MessageDigest}; every JDK has it. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A {@link MessageDigest} for this digest's algorithm. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
