package io.kubeferry.installer.inventory;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 subnet such as {@code 10.244.0.0/16}; only literals are accepted, nothing is resolved. */
record Cidr(BigInteger base, int bits, int prefix) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  static Optional<Cidr> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<byte[]> addr = literal(text.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (addr.isEmpty() || prefix < 0 || prefix > addr.get().length * 8) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(new BigInteger(1, addr.get()), addr.get().length * 8, prefix));
  }

  /** The bytes of an IP literal; empty for anything else (host names included). */
  static Optional<byte[]> literal(String text) {
    if (IPV4.matcher(text).matches()) {
      String[] parts = text.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return Optional.empty();
        }
        b[i] = (byte) v;
      }
      return Optional.of(b);
    }
    if (text.contains(":") && IPV6.matcher(text).matches()) {
      try {
        return Optional.of(InetAddress.getByName(text).getAddress()); // a literal: no lookup happens
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  boolean overlaps(Cidr other) {
    if (bits != other.bits) {
      return false;
    }
    int p = Math.min(prefix, other.prefix);
    return base.shiftRight(bits - p).equals(other.base.shiftRight(bits - p));
  }
}
