package io.kubeferry.installer.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RemoteCommandTest {
  @Test
  void rootCommandsGoThroughSudoOnlyWhenTheTargetNeedsIt() {
    RemoteCommand c = RemoteCommand.root("echo 'it''s' > /etc/x");
    assertEquals("sudo -n -- sh -c 'echo '\\''it'\\'''\\''s'\\'' > /etc/x'", c.wireText(true));
    assertEquals("sh -c 'echo '\\''it'\\'''\\''s'\\'' > /etc/x'", c.wireText(false));
    assertEquals("sh -c 'id'", RemoteCommand.user("id").wireText(true), "user commands never use sudo");
  }

  @Test
  void labelsAreShortAndSecretsAreRedacted() {
    Redactor r = new Redactor();
    r.add("abcdef.0123456789abcdef");
    r.add("no"); // too short to redact safely
    assertEquals("kubeadm join --token *** now", r.redact("kubeadm join --token abcdef.0123456789abcdef now"));
    String longScript = "x".repeat(200);
    assertEquals(120, RemoteCommand.user(longScript).describe().length());
    assertEquals("write /etc/f", RemoteCommand.root(longScript).withLabel("write /etc/f").describe());
  }
}
