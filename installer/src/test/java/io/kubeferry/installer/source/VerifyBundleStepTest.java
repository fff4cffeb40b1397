package io.kubeferry.installer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.RunState;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.ssh.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify step's failure kinds decide the exit code: integrity (3) apart from an unusable input (1). */
class VerifyBundleStepTest {
  @TempDir Path dir;

  private StepContext ctx() {
    return StepContext.local(new RunState(), new InstallState(dir.resolve("state"), new Redactor()));
  }

  @Test
  void aBundleWithoutItsSignatureIsAnIntegrityFailure() throws Exception {
    Path key = KeyGenerator.generate(KeyGenOptions.of(KeyType.ED25519)).writeTo(dir.resolve("key"))
        .resolveSibling("signing-key.pub.asc");
    Path tarball = Files.write(dir.resolve("b.tgz"), new byte[] {1, 2, 3});
    SourceRef ref = new SourceRef();
    StepException e = assertThrows(StepException.class,
        () -> new VerifyBundleStep(tarball, key, dir.resolve("state"), ref).run(ctx()));
    assertEquals(StepException.Kind.INTEGRITY, e.kind());
    assertTrue(e.getMessage().startsWith("could not verify bundle " + tarball + ": missing signature"),
        e.getMessage());
    assertThrows(StepException.class, ref::get, "nothing unverified is published");
  }

  @Test
  void anUnreadableKeyIsNotAnIntegrityFailure() {
    StepException e = assertThrows(StepException.class, () -> new VerifyBundleStep(dir.resolve("b.tgz"),
        dir.resolve("no-such-key.asc"), dir.resolve("state"), new SourceRef()).run(ctx()));
    assertEquals(StepException.Kind.HOST, e.kind(), e.getMessage());
  }
}
