package io.kubeferry.bundler.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import io.kubeferry.lab.yum.LabGpgKey;
import io.kubeferry.lab.yum.LabPackage;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepoBuilder;
import io.kubeferry.lab.yum.LabYumRepoSet;
import io.kubeferry.lab.yum.RpmFixtureBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the lab's rpmbuild/rpmsign fixtures and checks what createrepo_c saw in them. */
class RpmReaderTest {
  private static LabYumRepoSet lab;
  private static RpmKeyring labKeys;

  @BeforeAll
  static void build() throws Exception {
    lab = LabYumRepoBuilder.buildOrReuse();
    labKeys = RpmKeyring.parse(lab.key().publicKeyArmored(), "lab key");
  }

  @Test
  void readsHeaderFieldsDependenciesAndRangeLikeCreaterepo() throws Exception {
    Path rpm = lab.rpm(LabRepo.DOCKER_CE, "docker-ce-20.10.17-3.el7.x86_64");
    RpmPackageFile f = RpmReader.read(rpm, labKeys);
    assertEquals(Nevra.parse("docker-ce-3:20.10.17-3.el7.x86_64"), f.header().nevra());
    assertEquals(Digest.sha256Of(Files.readAllBytes(rpm)), f.sha256());
    assertEquals(Files.size(rpm), f.size());
    assertEquals(lab.key().keyId().toLowerCase(), f.signerKeyId());
    assertTrue(f.header().dependencies().requires().stream()
        .anyMatch(d -> d.name().equals("container-selinux") && "GE".equals(d.relation())
            && d.evr().equals("2:2.74") && "2".equals(d.epoch())));
    assertEquals("docker-ce-rootless-extras", f.header().dependencies().recommends().get(0).name());
    Map<String, String> created = PrimarySnapshot.of(lab.dir(LabRepo.DOCKER_CE)).get(f.sha256().hex());
    assertEquals(created.get("header-range"), f.headerStart() + "-" + f.headerEnd());
    assertEquals(created.get("size"), f.size() + "/" + f.header().installedSize() + "/"
        + f.header().archiveSize());
  }

  @Test
  void rejectsAPackageSignedWithAnotherKey() throws Exception {
    RpmKeyring other = RpmKeyring.parse(LabGpgKey.named("other").publicKeyArmored(), "other key");
    Path rpm = lab.rpm(LabRepo.KUBERNETES, "kubeadm-1.23.1-0.x86_64");
    RpmSignatureException e = assertThrows(RpmSignatureException.class, () -> RpmReader.read(rpm, other));
    assertTrue(e.getMessage().contains("not among the trusted keys"), e.getMessage());
    assertTrue(e.getMessage().contains(rpm.toString()), e.getMessage());
  }

  @Test
  void rejectsUnsignedAndTamperedPackages(@TempDir Path dir) throws Exception {
    LabPackage pkg = LabPackage.simple("base", Nevra.parse("unsigned-1.0-1.x86_64"), List.of());
    Path unsigned = RpmFixtureBuilder.build(List.of(pkg), dir, null).get(0);
    assertNull(RpmReader.read(unsigned).signerKeyId());
    RpmSignatureException e = assertThrows(RpmSignatureException.class, () -> RpmReader.read(unsigned, labKeys));
    assertTrue(e.getMessage().contains("not signed"), e.getMessage());

    // a package signed by the right key, then re-signed by another key: rejected for the key
    Path resigned = dir.resolve("resigned.rpm");
    Files.copy(lab.rpm(LabRepo.BASE, "socat-1.7.3.2-2.el7.x86_64"), resigned);
    LabGpgKey.named("other").rpmSign(List.of(resigned));
    assertThrows(RpmSignatureException.class, () -> RpmReader.read(resigned, labKeys));

    // flip one payload byte: the signature still matches the header, the payload digest does not
    Path tampered = dir.resolve("tampered.rpm");
    byte[] bytes = Files.readAllBytes(lab.rpm(LabRepo.BASE, "socat-1.7.3.2-2.el7.x86_64"));
    bytes[bytes.length - 30] ^= 0x01;
    Files.write(tampered, bytes);
    RpmSignatureException t = assertThrows(RpmSignatureException.class, () -> RpmReader.read(tampered, labKeys));
    assertTrue(t.getMessage().contains("payload digest mismatch"), t.getMessage());

    // flip a header byte inside the signed region
    RpmPackageFile ok = RpmReader.read(lab.rpm(LabRepo.BASE, "socat-1.7.3.2-2.el7.x86_64"));
    byte[] h = bytes.clone();
    h[bytes.length - 30] ^= 0x01;
    h[(int) ok.headerEnd() - 20] ^= 0x01;
    Files.write(tampered, h);
    assertThrows(RpmSignatureException.class, () -> RpmReader.read(tampered, labKeys));
  }

  @Test
  void rejectsANonRpmWithOneLine(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.rpm");
    Files.writeString(junk, "not an rpm at all");
    RpmException e = assertThrows(RpmException.class, () -> RpmReader.read(junk));
    assertTrue(e.getMessage().startsWith("could not read RPM"), e.getMessage());
    assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
  }
}
