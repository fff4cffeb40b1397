package io.kubeferry.installer.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.Test;

class SshAlgorithmsTest {
  private final DefaultConfig config = SshAlgorithms.config();

  @Test
  void offersExactlyTheListedAlgorithmsInOrder() {
    assertEquals(SshAlgorithms.KEY_EXCHANGE, names(config.getKeyExchangeFactories()));
    assertEquals(SshAlgorithms.CIPHERS, names(config.getCipherFactories()));
    assertEquals(SshAlgorithms.MACS, names(config.getMACFactories()));
    assertEquals(SshAlgorithms.HOST_KEYS, names(config.getKeyAlgorithms()));
  }

  @Test
  void offersNoneOfTheWeakAlgorithmsInSshjDefaults() {
    List<String> defaults = names(new DefaultConfig().getCipherFactories());
    assertTrue(defaults.contains("3des-cbc") && defaults.contains("arcfour"), "sshj's defaults changed: " + defaults);
    List<String> offered = new ArrayList<>();
    offered.addAll(names(config.getKeyExchangeFactories()));
    offered.addAll(names(config.getCipherFactories()));
    offered.addAll(names(config.getMACFactories()));
    offered.addAll(names(config.getKeyAlgorithms()));
    for (String name : offered) {
      for (String weak : List.of("cbc", "arcfour", "3des", "blowfish", "md5", "sha1", "dss", "group1-", "ripemd")) {
        assertFalse(name.contains(weak), name + " is weak");
      }
      assertFalse(name.equals("ssh-rsa"), "ssh-rsa signs with SHA-1");
    }
  }

  @Test
  void prefersChaChaAndCurve25519LikeOpenSsh() {
    assertEquals("chacha20-poly1305@openssh.com", names(config.getCipherFactories()).get(0));
    assertEquals("curve25519-sha256", names(config.getKeyExchangeFactories()).get(0));
  }

  private static <T extends Factory.Named<?>> List<String> names(List<T> factories) {
    return factories.stream().map(Factory.Named::getName).toList();
  }
}
