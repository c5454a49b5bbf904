package org.jointactivities.portfolio;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reading IATI files in tests: parsed without DTDs, queried by XPath (the prefix xml: is XML's own). */
final class IatiXml {

  private IatiXml() {}

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static XPath xpath() {
    XPath xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(new NamespaceContext() {
      public String getNamespaceURI(String prefix) {
        return "xml".equals(prefix) ? XMLConstants.XML_NS_URI : XMLConstants.NULL_NS_URI;
      }

      public String getPrefix(String uri) {
        return null;
      }

      public Iterator<String> getPrefixes(String uri) {
        return null;
      }
    });
    return xpath;
  }

  static NodeList nodes(Node context, String path) {
    try {
      return (NodeList) xpath().evaluate(path, context, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  static int count(Node context, String path) {
    return nodes(context, path).getLength();
  }

  /** The text of every node the path selects, in document order. */
  static List<String> strings(Node context, String path) {
    NodeList nodes = nodes(context, path);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return values;
  }
}
