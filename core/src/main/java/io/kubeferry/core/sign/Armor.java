package io.kubeferry.core.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.bcpg.ArmoredOutputStream;

/** ASCII armor without a version header, so output depends only on content (deterministic across BC versions). */
final class Armor {
  private Armor() {}

  @FunctionalInterface
  interface Encoder {
    void encode(java.io.OutputStream out) throws IOException;
  }

  static String armor(Encoder encoder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
      encoder.encode(armored);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
