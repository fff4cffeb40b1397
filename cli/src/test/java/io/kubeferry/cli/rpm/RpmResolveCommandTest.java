package io.kubeferry.cli.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.core.Digest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmResolveCommandTest {
  @TempDir Path dir;

  /** A minimal repository: packages as (name, version-release, requires...). */
  private Path repo(String name, List<String[]> pkgs) throws Exception {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("repodata"));
    StringBuilder p = new StringBuilder("<?xml version=\"1.0\"?><metadata xmlns=\"http://linux.duke.edu/metadata/"
        + "common\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\">");
    for (String[] pkg : pkgs) {
      String[] vr = pkg[1].split("-");
      p.append("<package type=\"rpm\"><name>").append(pkg[0]).append("</name><arch>x86_64</arch><version epoch=\"0\"")
          .append(" ver=\"").append(vr[0]).append("\" rel=\"").append(vr[1]).append("\"/><checksum type=\"sha256\">")
          .append(Digest.sha256Of((pkg[0] + pkg[1]).getBytes(StandardCharsets.UTF_8)).hex())
          .append("</checksum><location href=\"Packages/").append(pkg[0]).append(".rpm\"/><format><rpm:requires>");
      for (int i = 2; i < pkg.length; i++) {
        p.append("<rpm:entry name=\"").append(pkg[i]).append("\"/>");
      }
      p.append("</rpm:requires></format></package>");
    }
    p.append("</metadata>");
    byte[] primary = p.toString().getBytes(StandardCharsets.UTF_8);
    String sha = Digest.sha256Of(primary).hex();
    Files.write(root.resolve("repodata/" + sha + "-primary.xml"), primary);
    Files.writeString(root.resolve("repodata/repomd.xml"), "<repomd xmlns=\"http://linux.duke.edu/metadata/repo\">"
        + "<data type=\"primary\"><checksum type=\"sha256\">" + sha + "</checksum><location href=\"repodata/" + sha
        + "-primary.xml\"/></data></repomd>");
    return root;
  }

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheClosureWithRepoAndWhy() throws Exception {
    Path k = repo("k8s", List.<String[]>of(new String[] {"kubelet", "1.23.1-0", "socat"}));
    Path b = repo("base", List.<String[]>of(new String[] {"socat", "1.7.3.2-2.el7"}));
    Run r = run("rpm", "resolve", "--no-cache", "--repo", "kubernetes=" + k, "--repo", "base:10=" + b,
        "kubelet-1.23.1-0");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).matches("kubelet-1\\.23\\.1-0\\.x86_64 +kubernetes +requested: kubelet-1\\.23\\.1-0"),
        lines.get(0));
    assertTrue(lines.get(1).matches("socat-1\\.7\\.3\\.2-2\\.el7\\.x86_64 +base +requires socat: "
        + "kubelet-1\\.23\\.1-0\\.x86_64"), lines.get(1));
  }

  @Test
  void badInputIsOneClearErrorAndNonZeroExit() throws Exception {
    Path k = repo("k8s", List.<String[]>of(new String[] {"kubelet", "1.23.1-0", "socat", "conntrack"}));
    Run missing = run("rpm", "resolve", "--no-cache", "--repo", k.toString(), "kubelet");
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("kubeferry: error: could not resolve the packages: 2 problem(s):"),
        missing.err());
    assertTrue(missing.err().contains("nothing provides conntrack needed by kubelet-1.23.1-0.x86_64"));
    Run noRepo = run("rpm", "resolve", "--no-cache", "--repo", dir.resolve("none").toString(), "kubelet");
    assertEquals(1, noRepo.code());
    assertEquals(1, noRepo.err().lines().count(), noRepo.err());
    assertTrue(noRepo.err().contains("repodata/repomd.xml not found"), noRepo.err());
    Run usage = run("rpm", "resolve", "--repo", k.toString(), "--arch", "ppc", "kubelet");
    assertEquals(2, usage.code(), usage.err());
    Run profile = run("rpm", "resolve", "--repo", k.toString(), "--profile", "el6", "kubelet");
    assertEquals(2, profile.code(), profile.err());
    assertTrue(profile.err().contains("unknown OS profile 'el6'"), profile.err());
  }

  @Test
  void lockIsWrittenThenVerifiedAndDriftIsNamed() throws Exception {
    Path k = repo("k8s", List.<String[]>of(new String[] {"kubelet", "1.23.1-0", "socat"}, new String[] {"socat", "1.7.3-1"}));
    Path lock = dir.resolve("rpms.lock");
    Run write = run("rpm", "resolve", "--no-cache", "--repo", "k=" + k, "--write-lock", lock.toString(), "--k8s",
        "1.23.1", "kubelet");
    assertEquals(0, write.code(), write.err());
    String text = Files.readString(lock);
    assertTrue(text.contains("kind: RpmsLock") && text.contains("\"kubelet-1.23.1-0.x86_64\": {sha256: \"sha256:"),
        text);
    assertEquals(0, run("rpm", "resolve", "--no-cache", "--repo", "k=" + k, "--locked", lock.toString(), "--k8s",
        "1.23.1", "kubelet").code());
    Path k2 = repo("k8s2", List.<String[]>of(new String[] {"kubelet", "1.23.1-0", "socat"}, new String[] {"socat", "1.7.4-1"}));
    Run drift = run("rpm", "resolve", "--no-cache", "--repo", "k=" + k2, "--locked", lock.toString(), "--k8s",
        "1.23.1", "kubelet");
    assertEquals(1, drift.code());
    assertTrue(drift.err().contains("kubeferry: drift: socat: resolved socat-1.7.4-1.x86_64 but the lock has"
        + " socat-1.7.3-1.x86_64"), drift.err());
    assertEquals(text, Files.readString(lock), "--locked never rewrites the lock");
  }
}
