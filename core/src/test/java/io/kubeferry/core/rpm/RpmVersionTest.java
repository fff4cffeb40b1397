package io.kubeferry.core.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link RpmVersion} and {@link Evr} against real rpm: every expected value comes from
 * {@code rpm --eval '%{lua: print(rpm.vercmp(a, b))}'} run in the same test, so a wrong table cannot pass.
 */
class RpmVersionTest {
  /** Known corner cases: tilde, caret, letters vs digits, leading zeros, separators, epochs, releases. */
  private static final String[][] CORNER_CASES = {
    {"1.0~rc1", "1.0"}, {"1.0^git1", "1.0"}, {"1.0a", "1.0"}, {"1.0^", "1.0~"}, {"1.0", "1.0.0"},
    {"2.0", "10"}, {"a", "b"}, {"1.0~rc1", "1.0~rc2"}, {"1.0~rc1~git1", "1.0~rc1"}, {"1.0^git1", "1.0^git2"},
    {"1.0^git1", "1.0.1"}, {"1.0^git1", "1.01"}, {"1.0^20160101", "1.0.1"}, {"1.0^20160101^git1", "1.0^20160101"},
    {"1.0~rc1^git1", "1.0~rc1"}, {"1.0^", "1.0"}, {"1.0^", "1.0^git1"}, {"1.0~", "1.0"}, {"~", "~~"},
    {"1.0", "1.0"}, {"1.010", "1.10"}, {"1.001", "1.1"}, {"1.0.1", "1.0"}, {"1.0a", "1.0b"}, {"1.0a", "1.0.1"},
    {"1a", "1.a"}, {"1.0", "1_0"}, {"1+0", "1.0"}, {"abc", "1"}, {"2.0.1a", "2.0.1"}, {"5.5p1", "5.5p10"},
    {"10xyz", "10.1xyz"}, {"xyz10", "xyz10.1"}, {"xyz.4", "8"}, {"1b.fc17", "1.fc17"}, {"1.0-1", "1.0-2"},
    {"1.0-2", "1.0-10"}, {"1.0", "1.0-1"}, {"1:1.0", "2.0"}, {"0:1.0", "1.0"}, {"2:0.1", "1:9.9"},
    {"3:20.10.12-3.el7", "20.10.12-3.el7"}, {"1.23.1-0", "1.23.10-0"}, {"1.28.5-150500.1.1", "1.28.5-0"},
    {"0.8.7-0", "0.8.7"}, {"1.0.0", "1.0.00"}, {"FC5", "fc4"}, {"2a", "2.0"}, {"1.2.3", "1.2.3.a"},
    {"6.0.rc1", "6.0"}, {"4.999.9", "5.0"}, {"20101121", "20101122"}, {"2.0", "2_0"},
  };

  @Test
  void cornerCasesAgreeWithRealRpm() throws Exception {
    List<String[]> pairs = List.of(CORNER_CASES);
    List<Integer> expected = rpmVercmp(pairs);
    for (int i = 0; i < pairs.size(); i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      assertEquals(expected.get(i), Integer.signum(Evr.parse(a).compareTo(Evr.parse(b))),
          "vercmp(" + a + ", " + b + ")");
    }
    // Spot checks of the semantics the solver relies on (also confirmed by rpm above).
    assertTrue(RpmVersion.compare("1.0~rc1", "1.0") < 0);
    assertTrue(RpmVersion.compare("1.0^git1", "1.0") > 0);
    assertTrue(RpmVersion.compare("2.0", "10") < 0);
  }

  @Test
  void randomPairsAgreeWithRealRpm() throws Exception {
    Random random = new Random(4242);
    String alphabet = "0123456789012345abcz..~^_+";
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String a = randomVersion(random, alphabet);
      // Half of the pairs share a prefix so that the comparison reaches the interesting later segments.
      String b = random.nextBoolean() ? a.substring(0, random.nextInt(a.length() + 1)) + randomVersion(random, alphabet)
          : randomVersion(random, alphabet);
      pairs.add(new String[] {a, b});
    }
    List<Integer> expected = rpmVercmp(pairs);
    for (int i = 0; i < pairs.size(); i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      assertEquals(expected.get(i), RpmVersion.compare(a, b), "rpmvercmp(" + a + ", " + b + ")");
    }
  }

  private static String randomVersion(Random random, String alphabet) {
    int n = 1 + random.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** One rpm process for all pairs: rpm.vercmp compares full [epoch:]version[-release] strings. */
  static List<Integer> rpmVercmp(List<String[]> pairs) throws IOException, InterruptedException {
    StringBuilder lua = new StringBuilder("%{lua:");
    for (String[] p : pairs) {
      lua.append(" print(rpm.vercmp(\"").append(p[0]).append("\",\"").append(p[1]).append("\")..\" \")");
    }
    lua.append('}');
    Process process;
    try {
      process = new ProcessBuilder("rpm", "--eval", lua.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "rpm is not installed (apt-get install rpm): " + e.getMessage());
      throw e;
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, process.waitFor(), "rpm --eval failed: " + out);
    List<Integer> result = new ArrayList<>();
    for (String s : out.split("\\s+")) {
      result.add(Integer.parseInt(s));
    }
    assertEquals(pairs.size(), result.size(), "rpm output: " + out);
    return result;
  }
}
