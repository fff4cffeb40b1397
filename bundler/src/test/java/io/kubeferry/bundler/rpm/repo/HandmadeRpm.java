package io.kubeferry.bundler.rpm.repo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redline_rpm.Builder;
import org.redline_rpm.header.AbstractHeader;
import org.redline_rpm.header.Architecture;
import org.redline_rpm.header.Os;
import org.redline_rpm.header.RpmType;

/**
 * Test helper: an RPM written by redline instead of rpmbuild, for headers rpmbuild never writes but other tools do
 * (nfpm, fpm, old SUSE rpm): requires in any order with exact repeats, stray flag bits, the missing-ok bit and the
 * legacy weak-dependency tags (1156-1161).
 */
final class HandmadeRpm {
  private static final int STRING_ARRAY = 8;
  private static final int INT32 = 4;

  private final String name;
  private final List<Object[]> requires = new ArrayList<>();
  private final List<Object[]> oldSuggests = new ArrayList<>();
  private final List<Object[]> oldEnhances = new ArrayList<>();

  HandmadeRpm(String name) {
    this.name = name;
  }

  HandmadeRpm requires(String dep, int flags, String version) {
    requires.add(new Object[] {dep, flags, version});
    return this;
  }

  HandmadeRpm oldSuggests(String dep, int flags, String version) {
    oldSuggests.add(new Object[] {dep, flags, version});
    return this;
  }

  HandmadeRpm oldEnhances(String dep, int flags, String version) {
    oldEnhances.add(new Object[] {dep, flags, version});
    return this;
  }

  /** Writes the RPM into {@code dir}; returns its path. */
  Path build(Path dir) throws Exception {
    Builder b = new Builder() {
      {
        legacy(format.getHeader(), 1156, oldSuggests);
        legacy(format.getHeader(), 1159, oldEnhances);
      }
    };
    b.setPackage(name, "1.0", "1");
    b.setType(RpmType.BINARY);
    b.setPlatform(Architecture.NOARCH, Os.LINUX);
    b.setSummary("handmade " + name);
    b.setDescription("Written by redline.");
    b.setBuildHost("corpus.kubeferry.invalid");
    b.setLicense("MIT");
    b.setGroup("Test");
    b.setPackager("corpus");
    b.setVendor("corpus");
    b.setUrl("https://corpus.kubeferry.invalid/");
    b.setSourceRpm(name + "-1.0-1.src.rpm");
    for (Object[] r : requires) {
      b.addDependency((String) r[0], (Integer) r[1], (String) r[2]);
    }
    return dir.resolve(b.build(dir.toFile()));
  }

  /** Name, version and flags arrays at {@code nameTag}, +1 and +2, as rpm lays out the legacy weak tags. */
  private static void legacy(AbstractHeader h, int nameTag, List<Object[]> deps) {
    if (deps.isEmpty()) {
      return;
    }
    String[] names = new String[deps.size()];
    String[] versions = new String[deps.size()];
    int[] flags = new int[deps.size()];
    for (int i = 0; i < deps.size(); i++) {
      names[i] = (String) deps.get(i)[0];
      flags[i] = (Integer) deps.get(i)[1];
      versions[i] = (String) deps.get(i)[2];
    }
    h.createEntry(nameTag, STRING_ARRAY, names);
    h.createEntry(nameTag + 1, STRING_ARRAY, versions);
    h.createEntry(nameTag + 2, INT32, flags);
  }
}
