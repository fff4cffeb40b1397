package io.kubeferry.bundler.rpm.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmsLockTest {
  private static RpmsLock.Entry e(String s, String repo) {
    return new RpmsLock.Entry(Digest.sha256Of(s.getBytes()), repo);
  }

  @Test
  void writesStableOrderReadsBackAndReportsEveryDrift(@TempDir Path dir) throws IOException {
    Map<String, RpmsLock.Entry> pkgs = new TreeMap<>(Map.of(
        "socat-1.7.3.2-2.el7.x86_64", e("socat", "base"),
        "kubelet-1.23.1-0.x86_64", e("kubelet", "kubernetes"),
        "conntrack-tools-1.4.4-7.el7.x86_64", e("conntrack", "base")));
    RpmsLock lock = new RpmsLock();
    lock.set("el7", "x86_64", "1.23.1", pkgs);
    lock.set("el7", "aarch64", "1.23.1", Map.of("kubelet-1.23.1-0.aarch64", e("k", "kubernetes")));
    Path file = dir.resolve("rpms.lock");
    lock.write(file);
    RpmsLock back = RpmsLock.read(file);
    assertEquals(pkgs, back.entries("el7", "x86_64", "1.23.1"));
    assertEquals(lock.render(), back.render(), "render is stable");
    String text = Files.readString(file);
    assertTrue(text.indexOf("aarch64") < text.indexOf("x86_64") && text.indexOf("conntrack") < text.indexOf("socat"));
    assertEquals(List.of(), back.verify("el7", "x86_64", "1.23.1", pkgs));
    Map<String, RpmsLock.Entry> drifted = new TreeMap<>(pkgs);
    drifted.remove("socat-1.7.3.2-2.el7.x86_64");
    drifted.put("socat-1.7.4.1-6.el9.x86_64", e("socat", "base"));
    drifted.put("kubelet-1.23.1-0.x86_64", e("tampered", "kubernetes"));
    drifted.put("conntrack-tools-1.4.4-7.el7.x86_64", e("conntrack", "mirror"));
    drifted.put("libseccomp-2.3.1-4.el7.x86_64", e("seccomp", "base"));
    List<String> drift = back.verify("el7", "x86_64", "1.23.1", drifted);
    assertEquals(4, drift.size(), drift.toString());
    assertTrue(drift.contains("socat: resolved socat-1.7.4.1-6.el9.x86_64 but the lock has socat-1.7.3.2-2.el7.x86_64"));
    assertTrue(drift.contains("libseccomp: resolved libseccomp-2.3.1-4.el7.x86_64 but it is not in the lock"));
    assertTrue(drift.stream().anyMatch(d -> d.startsWith("kubelet-1.23.1-0.x86_64: sha256 is")));
    assertTrue(drift.contains("conntrack-tools-1.4.4-7.el7.x86_64: comes from repo mirror but the lock has base"));
    assertEquals(1, back.verify("el9", "x86_64", "1.23.1", pkgs).size(), "a missing section is one line");
  }

  @Test
  void malformedLockNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rpms.lock");
    Files.writeString(file, "kind: Something\n");
    IOException e = assertThrows(IOException.class, () -> RpmsLock.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
