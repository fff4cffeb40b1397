package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlScannerTest {
  /** Delivers a few bytes per read, so every token crosses buffer refills. */
  private static InputStream trickle(String xml) {
    byte[] b = xml.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void decodesEntitiesCdataCommentsAndLongValuesAcrossRefills() throws Exception {
    String big = "x".repeat(200_000);
    String xml = "<?xml version=\"1.0\"?>\n<!-- c --><rpm:metadata a='1'><e name=\"a &lt; b &amp;&#233;&#x41;\""
        + " big=\"" + big + "\"/><t>one &gt; two<![CDATA[ <raw> & ]]><!-- skip -->three</t><u>é</u></rpm:metadata>";
    for (InputStream in : new InputStream[] {trickle(xml), new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))}) {
      XmlScanner x = new XmlScanner(in, "test");
      assertEquals(XmlScanner.START, x.next());
      assertEquals("metadata", x.name(), "namespace prefix dropped");
      assertEquals("1", x.attr("a"));
      assertEquals(XmlScanner.START, x.next());
      assertTrue(x.selfClosing());
      assertEquals("a < b &éA", x.attr("name"));
      assertEquals(big, x.attr("big"));
      assertEquals(XmlScanner.START, x.next());
      assertEquals("one > two <raw> & three", x.text());
      assertEquals(XmlScanner.END, x.next());
      assertEquals(XmlScanner.START, x.next());
      assertEquals("é", x.text());
      assertEquals(XmlScanner.END, x.next());
      assertEquals(XmlScanner.END, x.next());
      assertEquals(XmlScanner.EOF, x.next());
    }
  }

  @Test
  void refusesDeclarationsUnknownEntitiesAndTruncation() throws Exception {
    for (String bad : new String[] {"<!DOCTYPE a [<!ENTITY e \"x\">]><a/>", "<a b=\"&e;\"/>",
        "<a><b>text &bomb; </b></a>"}) {
      XmlScanner x = new XmlScanner(trickle(bad), "bad.xml");
      RepoException e = assertThrows(RepoException.class, () -> {
        for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
          if (ev == XmlScanner.START && x.name().equals("b")) {
            x.text();
          }
        }
      }, bad);
      assertTrue(e.getMessage().startsWith("could not read bad.xml: "), e.getMessage());
    }
    XmlScanner truncated = new XmlScanner(trickle("<a><b c=\"unterminated"), "t.xml");
    assertEquals(XmlScanner.START, truncated.next());
    RepoException e = assertThrows(RepoException.class, truncated::next);
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }
}
