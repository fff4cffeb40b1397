package io.kubeferry.bundler.rpm.repo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the smallest ELF file rpmbuild's {@code elfdeps} reads dependencies from, written byte by byte so the
 * corpus needs no compiler. It has no code and no program headers, only the sections elfdeps looks at: a dynamic
 * section ({@code DT_NEEDED}, {@code DT_SONAME}), version needs ({@code libc.so.6(GLIBC_2.4)(64bit)} requires) and
 * version definitions (provides). 64-bit x86-64 files get rpm's {@code (64bit)} marker, 32-bit i386 ones none.
 */
final class StubElf {
  private static final int SHT_STRTAB = 3;
  private static final int SHT_DYNAMIC = 6;
  private static final int SHT_GNU_VERDEF = 0x6ffffffd;
  private static final int SHT_GNU_VERNEED = 0x6ffffffe;
  private static final int DT_NEEDED = 1;
  private static final int DT_SONAME = 14;

  private final boolean is64;
  private final boolean sharedObject;
  private String soname;
  private final List<String> definedVersions = new ArrayList<>();
  private final Map<String, List<String>> needed = new LinkedHashMap<>();

  private StubElf(boolean is64, boolean sharedObject) {
    this.is64 = is64;
    this.sharedObject = sharedObject;
  }

  /** An executable ({@code ET_EXEC}); {@code is64} picks ELFCLASS64/x86-64 or ELFCLASS32/i386. */
  static StubElf executable(boolean is64) {
    return new StubElf(is64, false);
  }

  /** A shared object ({@code ET_DYN}) named {@code soname}, defining {@code versions}. */
  static StubElf sharedObject(boolean is64, String soname, List<String> versions) {
    StubElf e = new StubElf(is64, true);
    e.soname = soname;
    e.definedVersions.addAll(versions);
    return e;
  }

  /** Needs {@code library}, and from it each of {@code versions} (none: only {@code DT_NEEDED}). */
  StubElf needs(String library, List<String> versions) {
    needed.computeIfAbsent(library, k -> new ArrayList<>()).addAll(versions);
    return this;
  }

  byte[] bytes() {
    Strings str = new Strings();
    byte[] dynamic = dynamic(str);
    byte[] verneed = verneed(str);
    byte[] verdef = definedVersions.isEmpty() ? new byte[0] : verdef(str);
    byte[] dynstr = str.bytes();
    Strings shstr = new Strings();
    // section order: null, .dynstr (index 1, the sh_link of the others), .dynamic, .gnu.version_r, .gnu.version_d,
    // .shstrtab
    List<Section> sections = new ArrayList<>();
    sections.add(new Section(shstr.add(".dynstr"), SHT_STRTAB, 0, 0, 0, dynstr));
    sections.add(new Section(shstr.add(".dynamic"), SHT_DYNAMIC, 1, 0, is64 ? 16 : 8, dynamic));
    if (!needed.isEmpty()) {
      sections.add(new Section(shstr.add(".gnu.version_r"), SHT_GNU_VERNEED, 1, needed.size(), 0, verneed));
    }
    if (!definedVersions.isEmpty()) {
      sections.add(new Section(shstr.add(".gnu.version_d"), SHT_GNU_VERDEF, 1, definedVersions.size() + 1, 0,
          verdef));
    }
    int shstrName = shstr.add(".shstrtab");
    sections.add(new Section(shstrName, SHT_STRTAB, 0, 0, 0, shstr.bytes()));

    int ehsize = is64 ? 64 : 52;
    int shentsize = is64 ? 64 : 40;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    for (Section s : sections) {
      pad(data, ehsize, 8);
      offsets.add(ehsize + data.size());
      data.writeBytes(s.data());
    }
    pad(data, ehsize, 8);
    int shoff = ehsize + data.size();
    ByteBuffer b = le(shoff + shentsize * (sections.size() + 1));
    header(b, shoff, sections.size() + 1, sections.size());
    b.put(data.toByteArray());
    b.put(new byte[shentsize]);
    for (int i = 0; i < sections.size(); i++) {
      sectionHeader(b, sections.get(i), offsets.get(i));
    }
    return b.array();
  }

  private void header(ByteBuffer b, int shoff, int shnum, int shstrndx) {
    b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    b.putShort((short) (sharedObject ? 3 : 2)).putShort((short) (is64 ? 62 : 3)).putInt(1);
    word(b, 0); // e_entry
    word(b, 0); // e_phoff
    word(b, shoff);
    b.putInt(0).putShort((short) (is64 ? 64 : 52)).putShort((short) (is64 ? 56 : 32)).putShort((short) 0)
        .putShort((short) (is64 ? 64 : 40)).putShort((short) shnum).putShort((short) shstrndx);
  }

  private void sectionHeader(ByteBuffer b, Section s, int offset) {
    b.putInt(s.name()).putInt(s.type());
    word(b, 0); // sh_flags
    word(b, 0); // sh_addr
    word(b, offset);
    word(b, s.data().length);
    b.putInt(s.link()).putInt(s.info());
    word(b, is64 ? 8 : 4); // sh_addralign
    word(b, s.entsize());
  }

  private byte[] dynamic(Strings str) {
    List<long[]> entries = new ArrayList<>();
    if (soname != null) {
      entries.add(new long[] {DT_SONAME, str.add(soname)});
    }
    for (String lib : needed.keySet()) {
      entries.add(new long[] {DT_NEEDED, str.add(lib)});
    }
    entries.add(new long[] {0, 0});
    ByteBuffer b = le(entries.size() * (is64 ? 16 : 8));
    for (long[] e : entries) {
      word(b, e[0]);
      word(b, e[1]);
    }
    return b.array();
  }

  /** Elf_Verneed (16 bytes) per library, each followed by its Elf_Vernaux entries (16 bytes each). */
  private byte[] verneed(Strings str) {
    int size = 0;
    for (List<String> v : needed.values()) {
      size += 16 + 16 * v.size();
    }
    ByteBuffer b = le(size);
    int left = needed.size();
    for (Map.Entry<String, List<String>> e : needed.entrySet()) {
      List<String> versions = e.getValue();
      int next = --left == 0 ? 0 : 16 + 16 * versions.size();
      b.putShort((short) 1).putShort((short) versions.size()).putInt(str.add(e.getKey()))
          .putInt(versions.isEmpty() ? 0 : 16).putInt(next);
      for (int i = 0; i < versions.size(); i++) {
        b.putInt(elfHash(versions.get(i))).putShort((short) 0).putShort((short) (i + 2))
            .putInt(str.add(versions.get(i))).putInt(i + 1 < versions.size() ? 16 : 0);
      }
    }
    return b.array();
  }

  /** Elf_Verdef (20 bytes) + one Elf_Verdaux (8 bytes) per version, the first the base (the soname). */
  private byte[] verdef(Strings str) {
    List<String> names = new ArrayList<>();
    names.add(soname);
    names.addAll(definedVersions);
    ByteBuffer b = le(28 * names.size());
    for (int i = 0; i < names.size(); i++) {
      b.putShort((short) 1).putShort((short) (i == 0 ? 1 : 0)).putShort((short) (i + 1)).putShort((short) 1)
          .putInt(elfHash(names.get(i))).putInt(20).putInt(i + 1 < names.size() ? 28 : 0);
      b.putInt(str.add(names.get(i))).putInt(0);
    }
    return b.array();
  }

  private void word(ByteBuffer b, long v) {
    if (is64) {
      b.putLong(v);
    } else {
      b.putInt((int) v);
    }
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void pad(ByteArrayOutputStream out, int base, int align) {
    while ((base + out.size()) % align != 0) {
      out.write(0);
    }
  }

  private static int elfHash(String s) {
    long h = 0;
    for (byte c : s.getBytes(StandardCharsets.US_ASCII)) {
      h = (h << 4) + (c & 0xff);
      long g = h & 0xf0000000L;
      if (g != 0) {
        h ^= g >>> 24;
      }
      h &= ~g;
    }
    return (int) h;
  }

  private record Section(int name, int type, int link, int info, int entsize, byte[] data) {}

  /** An ELF string table: offset 0 is the empty string; equal strings share one entry. */
  private static final class Strings {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> offsets = new LinkedHashMap<>();

    Strings() {
      out.write(0);
    }

    int add(String s) {
      return offsets.computeIfAbsent(s, k -> {
        int at = out.size();
        out.writeBytes(k.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return at;
      });
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
