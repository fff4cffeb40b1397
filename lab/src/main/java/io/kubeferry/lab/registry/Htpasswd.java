package io.kubeferry.lab.registry;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Writes htpasswd lines the registry accepts (bcrypt, like {@code htpasswd -B}). */
final class Htpasswd {
  /**
   * bcrypt cost 4, the minimum: the registry checks the hash on every request, and a higher cost would make every
   * lab request slower without making a throw-away test password safer.
   */
  private static final int COST = 4;

  private Htpasswd() {
  }

  static String line(Credentials c) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return c.username() + ":" + OpenBSDBCrypt.generate("2y", c.password().toCharArray(), salt, COST) + "\n";
  }
}
