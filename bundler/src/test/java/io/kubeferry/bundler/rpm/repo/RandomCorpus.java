package io.kubeferry.bundler.rpm.repo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Test helper: seeded random specs for the createrepo_c comparison. They aim at the places where createrepo_c's
 * dependency lists are not the header's: scriptlet requires ({@code Requires(pre)}, {@code %post} bodies), provides
 * the package also requires (at and off their version), runs of one name with other flags, versions or pre bits,
 * rich dependencies, stub ELF files pulling in several GLIBC versions, requires on own files (primary or not),
 * malformed versions (epoch "abc:", "1.0-2-3"), and files primary.xml lists or not (/etc, bin/, dirs, ghosts).
 */
final class RandomCorpus {
  private static final List<String> GLIBC = List.of("GLIBC_2.0", "GLIBC_2.1", "GLIBC_2.1.3", "GLIBC_2.2.5",
      "GLIBC_2.3", "GLIBC_2.3.2", "GLIBC_2.3.4", "GLIBC_2.4", "GLIBC_2.7", "GLIBC_2.14", "GLIBC_2.17", "GLIBC_2.28",
      "GLIBC_2.33", "GLIBC_2.34", "GLIBC_PRIVATE");
  private static final List<String> LIBC_NAMES = List.of("libc.so.6", "libc.so.6()(64bit)",
      "libc.so.6(GLIBC_2.4)", "libc.so.6(GLIBC_2.3.4)(64bit)", "libc.so.6(GLIBC_2.14)(64bit)",
      "libc.so.6(GLIBC_PRIVATE)(64bit)", "libc.so.6(GLIBC_2.17)(64bit)");
  private static final List<String> OPS = List.of("=", ">=", "<=", ">", "<");
  private static final List<String> QUALIFIERS = List.of("pre", "post", "preun", "postun", "pretrans", "posttrans",
      "interp", "verify", "meta");
  private static final List<String> SCRIPTLETS = List.of("%pre", "%post", "%preun", "%postun", "%posttrans");
  private static final List<String> COMMON = List.of("/bin/sh", "/usr/sbin/useradd", "coreutils", "systemd",
      "glibc", "bash");

  private final Random r;
  private final List<String> names = new ArrayList<>();

  private RandomCorpus(long seed) {
    r = new Random(seed);
  }

  /** {@code specs} specs of {@code perSpec} packages each, the same for the same seed. */
  static List<TestSpec> specs(long seed, int specs, int perSpec) {
    RandomCorpus c = new RandomCorpus(seed);
    for (int s = 0; s < specs; s++) {
      for (int i = 0; i < perSpec; i++) {
        c.names.add(c.name(s, i));
      }
    }
    List<TestSpec> out = new ArrayList<>();
    for (int s = 0; s < specs; s++) {
      TestSpec spec = new TestSpec().changelog(c.changelog());
      for (int i = 0; i < perSpec; i++) {
        spec.add(c.pkg(c.names.get(s * perSpec + i), i == 0, s == 0 && i == 1));
      }
      out.add(spec);
    }
    return out;
  }

  private String name(int s, int i) {
    StringBuilder n = new StringBuilder("kf").append(s).append('-');
    for (int k = 2 + r.nextInt(5); k > 0; k--) {
      n.append((char) ('a' + r.nextInt(26)));
    }
    n.append(i);
    return n.append(pick(List.of("", "", "", "-devel", "+plus", "_u", ".x"))).toString();
  }

  /** {@code main}: the spec's main package, never noarch (its subpackages would all be). */
  private TestSpec.Package pkg(String name, boolean main, boolean sendmail) {
    int epoch = chance(25) ? 1 + r.nextInt(12) : 0;
    String version = pick(List.of("%d.%d", "%d.%d.%d", "%d.%d~rc%d", "%d.%d^git%d"))
        .formatted(r.nextInt(10), r.nextInt(30), r.nextInt(9) + 1);
    String release = pick(List.of("%d", "%d.el7", "0.%d.beta")).formatted(1 + r.nextInt(20));
    boolean noarch = chance(20) && !main;
    List<TestSpec.File> files = files(name, noarch, sendmail);
    List<String> lines = new ArrayList<>();
    requires(lines, files);
    selfProvides(lines, name, epoch, version, release);
    otherDependencies(lines);
    Collections.shuffle(lines, r);
    List<String> scripts = new ArrayList<>();
    for (String s : SCRIPTLETS) {
      if (chance(25)) {
        // a body in sh (rpmbuild requires /bin/sh with the scriptlet's bit), or a program (requires that program)
        scripts.add(chance(80) ? s + "%NAME%\necho " + s.substring(1) + "\n" : s + "%NAME% -p /sbin/ldconfig\n");
      }
    }
    return new TestSpec.Package(name, epoch, version, release, noarch, lines, scripts, files);
  }

  private void requires(List<String> lines, List<TestSpec.File> files) {
    for (int k = r.nextInt(6); k > 0; k--) {
      lines.add("Requires: " + versioned(target()));
    }
    if (chance(40)) {
      lines.add("Requires(" + String.join(",", subset(QUALIFIERS, 1 + r.nextInt(3))) + "): "
          + pick(List.of(pick(COMMON), pick(names) + " >= 1.0")));
    }
    if (chance(35)) {
      repeats(lines);
    }
    if (chance(25)) {
      lines.add("Requires: " + rich(true));
    }
    if (chance(15)) {
      lines.add("Requires: " + pick(LIBC_NAMES));
    }
    String own = pick(files).path();
    if (chance(30) && !own.contains(" ")) {
      lines.add("Requires: " + own);
    }
    if (chance(10)) {
      lines.add("Requires: /usr/bin/" + pick(names));
    }
  }

  /** Provides, conflicts, obsoletes, the weak ones, and now and then a malformed version in one of them. */
  private void otherDependencies(List<String> lines) {
    for (int k = r.nextInt(4); k > 0; k--) {
      lines.add("Provides: " + (chance(60) ? versioned(virtual()) : virtual()));
    }
    for (String tag : List.of("Conflicts", "Obsoletes")) {
      for (int k = r.nextInt(3); k > 0; k--) {
        lines.add(tag + ": " + versioned(pick(names)));
      }
    }
    for (String tag : List.of("Recommends", "Suggests", "Supplements", "Enhances")) {
      for (int k = r.nextInt(3); k > 0; k--) {
        boolean forward = tag.equals("Recommends") || tag.equals("Suggests");
        lines.add(tag + ": " + (chance(30) ? rich(forward) : versioned(target())));
      }
    }
    if (chance(8)) {
      lines.add(pick(List.of("Requires", "Provides", "Conflicts", "Recommends")) + ": " + virtual() + " "
          + pick(OPS) + " " + pick(List.of("abc:1.0", "1.0-2-3", ":1.0", "1:2:3", "x1:2")));
    }
  }

  /** 1 to 14 entries, newest first, often several on one day (other.xml gives each its own second). */
  private String changelog() {
    StringBuilder s = new StringBuilder();
    LocalDate day = LocalDate.of(2022, 1, 1);
    for (int k = 1 + r.nextInt(14); k > 0; k--) {
      s.append("* ").append(day.format(DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH)))
          .append(" Corpus <corpus@kubeferry.invalid> - ").append(k).append(chance(20) ? "  " : "")
          .append("\n- Entry ").append(k).append(" <&>.\n\n");
      day = day.minusDays(chance(40) ? 0 : 1 + r.nextInt(40));
    }
    return s.toString();
  }

  /** A provide the package also requires: unversioned, at its version (dropped) or off it (kept). */
  private void selfProvides(List<String> lines, String name, int epoch, String version, String release) {
    if (chance(40)) {
      String v = virtual();
      String pv = depVersion();
      lines.add("Provides: " + v + " = " + pv);
      lines.add(pick(List.of("Requires: ", "Requires(pre): ", "Requires(post): ")) + v + pick(List.of("",
          " = " + pv, " = " + pv, " >= " + pv, " = 0:" + pv, " <= " + pv)));
    }
    if (chance(15)) {
      String v = virtual();
      lines.add("Provides: " + v);
      lines.add("Requires: " + v + (chance(30) ? " >= 1" : ""));
    }
    if (chance(20)) {
      String vr = version + "-" + release;
      // rpmbuild provides name = [E:]V-R itself
      lines.add("Requires: " + name + " = " + pick(List.of(vr, epoch + ":" + vr, "%{version}-%{release}")));
    }
  }

  /** Several requires of one name with other flags, versions or scriptlet bits. */
  private void repeats(List<String> lines) {
    String t = pick(List.of(pick(COMMON), pick(names), virtual()));
    for (int k = 2 + r.nextInt(3); k > 0; k--) {
      lines.add("Requires" + pick(List.of("", "", "(pre)", "(post)", "(preun)", "(postun)", "(interp)")) + ": " + t
          + (t.startsWith("/") ? "" : pick(List.of("", "", " >= 1.0", " >= 2.0", " < 3"))));
    }
  }

  private List<TestSpec.File> files(String name, boolean noarch, boolean sendmail) {
    List<TestSpec.File> files = new ArrayList<>();
    files.add(plain("/usr/share/" + name + "/README", "", false));
    if (chance(15)) {
      files.add(plain("/usr/share/" + name + "/a&b <c>.txt", "", false));
    }
    if (chance(60)) {
      files.add(plain("/etc/" + name + ".conf", "%config(noreplace) ", false));
    }
    if (!noarch && chance(60)) {
      files.add(new TestSpec.File("/usr/bin/" + name, executable(), true, ""));
    } else if (chance(50)) {
      String interp = pick(List.of("/bin/sh", "/bin/bash", "/usr/bin/" + name + "-interp",
          "/usr/share/" + name + "/README"));
      files.add(plain("/usr/bin/" + name, "#!" + interp + "\necho hi\n", true));
    }
    if (!noarch && chance(30)) {
      files.add(new TestSpec.File("/usr/lib64/lib" + name + ".so.1", sharedObject(name), true, ""));
    }
    if (chance(20)) {
      files.add(plain("/opt/" + name + "/sbin/tool", "#!/bin/sh\n", true));
    }
    if (chance(10)) {
      files.add(new TestSpec.File("/opt/" + name + "/bin/plugins", null, false, "%dir "));
    }
    if (chance(15)) {
      files.add(new TestSpec.File("/etc/" + name + ".d", null, false, "%dir "));
    }
    if (chance(15)) {
      files.add(new TestSpec.File(pick(List.of("/etc/", "/var/lib/")) + name + ".state", null, false, "%ghost "));
    }
    if (sendmail) {
      files.add(plain("/usr/lib/sendmail", "#!/bin/sh\n", true));
    }
    return files;
  }

  private byte[] executable() {
    boolean is64 = !chance(20);
    StubElf e = StubElf.executable(is64).needs("libc.so.6", subset(GLIBC, r.nextInt(6)));
    if (chance(40)) {
      e.needs(pick(List.of("libm.so.6", "libpthread.so.0", "libdl.so.2")), subset(GLIBC, r.nextInt(3)));
    }
    if (chance(20)) {
      e.needs("lib" + pick(names) + ".so.1", chance(50) ? List.of("KF_1.0") : List.of());
    }
    return e.bytes();
  }

  private byte[] sharedObject(String name) {
    return StubElf.sharedObject(!chance(10), "lib" + name + ".so.1", subset(List.of("KF_1.0", "KF_1.1", "KF_2"),
        r.nextInt(4))).needs("libc.so.6", subset(GLIBC, r.nextInt(4))).bytes();
  }

  private static TestSpec.File plain(String path, String content, boolean executable) {
    return new TestSpec.File(path, content.getBytes(StandardCharsets.UTF_8), executable, "");
  }

  private String target() {
    return pick(List.of(pick(names), pick(names), virtual(), pick(COMMON)));
  }

  private String virtual() {
    int k = r.nextInt(40);
    return pick(List.of("perl(Kf::M" + k + ")", "kf-virt-" + k, "bundled(golang(kf" + k + "))",
        "libkf" + k + ".so.1()(64bit)", "config(kf" + k + ")"));
  }

  /** {@code name}, half the time with a version (never a path: rpmbuild refuses versioned file requires). */
  private String versioned(String name) {
    return chance(50) || name.startsWith("/") ? name : name + " " + pick(OPS) + " " + depVersion();
  }

  private String depVersion() {
    return pick(List.of("%d.%d", "%d:%d.%d", "%d.%d-%d", "%d.%d-%d.el7", "%d:%d.%d-%d", "%d.%d~rc%d", "%d.%d^%d"))
        .formatted(r.nextInt(4), r.nextInt(4), 1 + r.nextInt(3), 1 + r.nextInt(3));
  }

  /** A rich dependency; forward ones (requires, recommends, suggests) take "if", the others "unless". */
  private String rich(boolean forward) {
    String a = pick(names);
    String b = pick(names);
    List<String> forms = new ArrayList<>(List.of("(" + a + " or " + b + ")", "(" + a + " >= 1.0 with " + a
        + " < 2.0)", "(" + a + " and (" + b + " or " + virtual() + "))", "(" + a + " without " + b + ")"));
    forms.add(forward ? "(" + a + " if " + b + " else " + pick(COMMON) + ")" : "(" + a + " unless " + b + ")");
    return pick(forms);
  }

  private List<String> subset(List<String> from, int n) {
    List<String> copy = new ArrayList<>(from);
    Collections.shuffle(copy, r);
    return copy.subList(0, Math.min(n, copy.size()));
  }

  private <T> T pick(List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private boolean chance(int percent) {
    return r.nextInt(100) < percent;
  }
}
