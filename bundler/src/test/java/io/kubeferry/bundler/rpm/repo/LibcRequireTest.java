package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LibcRequireTest {
  @Test
  void higherVersionInTheFirstParenthesesWins() {
    assertTrue(LibcRequire.higher("libc.so.6(GLIBC_2.4)(64bit)", "libc.so.6(GLIBC_2.14)(64bit)"));
    assertFalse(LibcRequire.higher("libc.so.6(GLIBC_2.14)(64bit)", "libc.so.6(GLIBC_2.4)(64bit)"));
    assertTrue(LibcRequire.higher("libc.so.6(GLIBC_2.3)", "libc.so.6(GLIBC_2.3.4)(64bit)"));
  }

  @Test
  void equalsKeepTheFirst() {
    assertFalse(LibcRequire.higher("libc.so.6(GLIBC_2.4)", "libc.so.6(GLIBC_2.4)(64bit)"));
    assertFalse(LibcRequire.higher("libc.so.6", "libc.so.6"));
    assertFalse(LibcRequire.higher("libc.so.6()(64bit)", "libc.so.6()"));
  }

  @Test
  void noVersionRanksLowest() {
    assertTrue(LibcRequire.higher("libc.so.6", "libc.so.6()(64bit)"));
    assertFalse(LibcRequire.higher("libc.so.6()(64bit)", "libc.so.6"));
    assertTrue(LibcRequire.higher("libc.so.6()(64bit)", "libc.so.6(GLIBC_2.0)"));
    // no digit inside the parentheses: the digits of "(64bit)" are past its ')'
    assertTrue(LibcRequire.higher("libc.so.6(GLIBC_PRIVATE)(64bit)", "libc.so.6(GLIBC_2.0)"));
    assertFalse(LibcRequire.higher("libc.so.6(GLIBC_2.0)", "libc.so.6(GLIBC_PRIVATE)(64bit)"));
    assertFalse(LibcRequire.higher("libc.so.6(GLIBC_PRIVATE)", "libc.so.6()"));
  }

  @Test
  void unclosedParenthesisRanksBelowClosed() {
    assertTrue(LibcRequire.higher("libc.so.6(GLIBC_9", "libc.so.6()"));
    assertFalse(LibcRequire.higher("libc.so.6()", "libc.so.6(GLIBC_9"));
    assertFalse(LibcRequire.higher("libc.so.6(GLIBC_2", "libc.so.6(GLIBC_9"));
  }
}
