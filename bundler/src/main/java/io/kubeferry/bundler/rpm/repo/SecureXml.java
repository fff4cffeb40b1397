package io.kubeferry.bundler.rpm.repo;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers hardened for untrusted repository metadata: no DTDs, no external entities, no entity expansion
 * (so neither XXE nor "billion laughs" can work). A document with a DOCTYPE fails to parse.
 */
final class SecureXml {
  private static final XMLInputFactory FACTORY = create();

  private SecureXml() {}

  private static XMLInputFactory create() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external entity refused: " + systemId);
    });
    return f;
  }

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    synchronized (FACTORY) {
      return FACTORY.createXMLStreamReader(in, "UTF-8");
    }
  }
}
