package io.kubeferry.bundler.rpm;

import java.util.ArrayList;
import java.util.List;
import org.redline_rpm.header.AbstractHeader;

/** Typed access to redline header entries by numeric tag (rpmtag.h numbers, so weak-dep tags work too). */
final class HeaderTags {
  static final int NAME = 1000;
  static final int VERSION = 1001;
  static final int RELEASE = 1002;
  static final int EPOCH = 1003;
  static final int SUMMARY = 1004;
  static final int DESCRIPTION = 1005;
  static final int BUILDTIME = 1006;
  static final int BUILDHOST = 1007;
  static final int SIZE = 1009;
  static final int VENDOR = 1011;
  static final int LICENSE = 1014;
  static final int PACKAGER = 1015;
  static final int GROUP = 1016;
  static final int URL = 1020;
  static final int ARCH = 1022;
  static final int FILEMODES = 1030;
  static final int FILEFLAGS = 1037;
  static final int SOURCERPM = 1044;
  static final int ARCHIVESIZE = 1046;
  static final int PROVIDENAME = 1047;
  static final int REQUIREFLAGS = 1048;
  static final int REQUIRENAME = 1049;
  static final int REQUIREVERSION = 1050;
  static final int CONFLICTFLAGS = 1053;
  static final int CONFLICTNAME = 1054;
  static final int CONFLICTVERSION = 1055;
  static final int CHANGELOGTIME = 1080;
  static final int CHANGELOGNAME = 1081;
  static final int CHANGELOGTEXT = 1082;
  static final int OBSOLETENAME = 1090;
  static final int SOURCEPACKAGE = 1106;
  static final int PROVIDEFLAGS = 1112;
  static final int PROVIDEVERSION = 1113;
  static final int OBSOLETEFLAGS = 1114;
  static final int OBSOLETEVERSION = 1115;
  static final int DIRINDEXES = 1116;
  static final int BASENAMES = 1117;
  static final int DIRNAMES = 1118;
  static final int OLDSUGGESTSNAME = 1156;
  static final int OLDENHANCESNAME = 1159;
  static final int LONGSIZE = 5009;
  static final int RECOMMENDNAME = 5046;
  static final int SUGGESTNAME = 5049;
  static final int SUPPLEMENTNAME = 5052;
  static final int ENHANCENAME = 5055;
  static final int PAYLOADDIGEST = 5092;
  static final int PAYLOADDIGESTALGO = 5093;

  /** Signature header tags. */
  static final int SIG_LONGARCHIVESIZE = 271;
  static final int SIG_DSAHEADER = 267;
  static final int SIG_RSAHEADER = 268;
  static final int SIG_SHA256 = 273;
  static final int SIG_PAYLOADSIZE = 1007;

  private final AbstractHeader header;

  HeaderTags(AbstractHeader header) {
    this.header = header;
  }

  boolean has(int tag) {
    return header.getEntry(tag) != null;
  }

  String string(int tag) {
    Object v = values(tag);
    if (v instanceof String[] s && s.length > 0) {
      return s[0];
    }
    return "";
  }

  List<String> strings(int tag) {
    Object v = values(tag);
    return v instanceof String[] s ? List.of(s) : List.of();
  }

  /** Integer values of any integer type, widened; empty when absent. */
  long[] longs(int tag) {
    Object v = values(tag);
    if (v instanceof int[] a) {
      long[] out = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] & 0xffffffffL;
      }
      return out;
    }
    if (v instanceof short[] a) {
      long[] out = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] & 0xffffL;
      }
      return out;
    }
    if (v instanceof long[] a) {
      return a.clone();
    }
    if (v instanceof byte[] a) {
      long[] out = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] & 0xffL;
      }
      return out;
    }
    return new long[0];
  }

  long number(int tag, long dflt) {
    long[] l = longs(tag);
    return l.length > 0 ? l[0] : dflt;
  }

  byte[] bytes(int tag) {
    Object v = values(tag);
    return v instanceof byte[] b ? b : null;
  }

  /**
   * The dependency triple name/flags/version starting at {@code nameTag} (flags at +1 or given, version at +2).
   * Like createrepo_c: empty unless all three tags are there, and as long as the shortest of them.
   */
  List<RpmDependency> deps(int nameTag, int flagsTag, int versionTag) {
    if (!has(nameTag) || !has(flagsTag) || !has(versionTag)) {
      return List.of();
    }
    List<String> names = strings(nameTag);
    long[] flags = longs(flagsTag);
    List<String> versions = strings(versionTag);
    int n = Math.min(names.size(), Math.min(flags.length, versions.size()));
    List<RpmDependency> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new RpmDependency(names.get(i), (int) flags[i], versions.get(i)));
    }
    return out;
  }

  private Object values(int tag) {
    AbstractHeader.Entry<?> e = header.getEntry(tag);
    return e == null ? null : e.getValues();
  }
}
