package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubeferry.bundler.rpm.RpmChangelog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherChangelogsTest {
  @Test
  void oldestFirstWithSharedTimesSpreadOverTheNextSeconds() {
    // header order: newest first; three entries on one time, then an older one
    List<RpmChangelog> header = List.of(new RpmChangelog("c  ", 100, "3"), new RpmChangelog("b", 100, "2"),
        new RpmChangelog("a", 100, "1"), new RpmChangelog(" ", 50, "0"));
    List<RpmChangelog> out = OtherChangelogs.of(header);
    assertEquals(List.of(new RpmChangelog(" ", 50, "0"), new RpmChangelog("a", 100, "1"),
        new RpmChangelog("b", 101, "2"), new RpmChangelog("c", 102, "3")), out);
  }

  @Test
  void keepsTheNewestTen() {
    List<RpmChangelog> header = new ArrayList<>();
    for (int i = 20; i > 0; i--) {
      header.add(new RpmChangelog("x", i * 10L, Integer.toString(i)));
    }
    List<RpmChangelog> out = OtherChangelogs.of(header);
    assertEquals(10, out.size());
    assertEquals("11", out.get(0).text());
    assertEquals("20", out.get(9).text());
  }
}
