package org.annals.source.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML inside Word and OpenDocument files, read with the JDK's StAX parser configured so that a hostile file
 * can do nothing but fail: no DTDs at all (a document type declaration is refused outright, so there are no
 * entities to expand and nothing external to load), nesting no deeper than {@link ParseLimits#maxDepth()}, and at
 * most {@link #maxElements} elements over all parts of one file. Parts are either only checked (before Apache POI
 * parses them) or built into a DOM for the OpenDocument reader; both in one streaming pass.
 */
final class OfficeXml {

    /** Elements per block a real document spends on markup (runs, properties, cells): generous. */
    private static final int ELEMENTS_PER_BLOCK = 10;

    private static final XMLInputFactory FACTORY = secureFactory();

    private final ParseLimits limits;
    private final String what;
    private long elements;

    OfficeXml(ParseLimits limits, String what) {
        this.limits = limits;
        this.what = what;
    }

    private static XMLInputFactory secureFactory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // The JDK's own depth limit (100 since JDK 24) would refuse with a parser message; ours (ParseLimits, 256 by
        // default) refuses first and says why, so the JDK's is lifted.
        factory.setProperty("jdk.xml.maxElementDepth", 0);
        return factory;
    }

    /** The most elements all XML parts of one file may hold together. */
    long maxElements() {
        return (long) ELEMENTS_PER_BLOCK * limits.maxElements();
    }

    /** Reads a part to its end, refusing it if it breaks a limit; builds nothing. */
    void check(InputStream in, String part) {
        read(in, part, null);
    }

    /** Reads a part into a DOM (text and elements with their attributes; no comments or processing instructions). */
    Document parse(InputStream in, String part) {
        Document document = newDocument();
        read(in, part, document);
        return document;
    }

    private void read(InputStream in, String part, @Nullable Document document) {
        XMLStreamReader reader = null;
        try (in) {
            reader = FACTORY.createXMLStreamReader(in);
            List<Node> open = new ArrayList<>();
            if (document != null) {
                open.add(document);
            }
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new InvalidInputException(what + " cannot be read: its part \"" + part + "\" declares"
                                    + " a document type, which office files never do (it may be crafted to attack the"
                                    + " server). It is refused; nothing was stored.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        elements++;
                        limits.checkDepth(depth, "The document's XML nests elements");
                        limits.checkCount(elements, "XML elements (the markup of paragraphs, runs and cells)",
                                maxElements());
                        if (document != null) {
                            Element element = element(document, reader);
                            open.getLast().appendChild(element);
                            open.add(element);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (document != null) {
                            open.removeLast();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (document != null && depth > 0) {
                            open.getLast().appendChild(document.createTextNode(reader.getText()));
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start and end: nothing to keep
                    }
                }
            }
        } catch (XMLStreamException e) {
            // A refusal of ours from the entry stream (a size that lies) reaches us wrapped by the parser.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException refusal) {
                    throw refusal;
                }
            }
            if (e.getNestedException() instanceof InvalidInputException refusal) {
                throw refusal;
            }
            throw SafeZip.damaged(what, "its part \"" + part + "\" is not well-formed XML");
        } catch (IOException e) {
            throw SafeZip.damaged(what, "its part \"" + part + "\" cannot be unpacked");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open but memory
                }
            }
        }
    }

    private static Element element(Document document, XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        Element element = document.createElementNS(ns == null || ns.isEmpty() ? null : ns, qualified(
                reader.getPrefix(), reader.getLocalName()));
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNs = reader.getAttributeNamespace(i);
            element.setAttributeNS(attributeNs == null || attributeNs.isEmpty() ? null : attributeNs,
                    qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        return element;
    }

    private static String qualified(@Nullable String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static Document newDocument() {
        try {
            // Only used to create nodes; it never parses anything.
            return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM implementation is missing", e);
        }
    }

    // Small DOM helpers shared by the DOCX and ODT readers.

    /** The first child element with this namespace and local name, or null. */
    static @Nullable Element child(@Nullable Node parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, ns, localName)) {
                return (Element) n;
            }
        }
        return null;
    }

    static boolean is(Node node, String ns, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())
                && ns.equals(node.getNamespaceURI());
    }

    /**
     * The text inside an element (its text children, and theirs): XMLBeans' DOM, which POI's objects expose, has no
     * {@code getTextContent}.
     */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                appendText(n, text);
            }
        }
    }

    /** An attribute's value, or null when it is absent. */
    static @Nullable String attribute(@Nullable Element element, String ns, String localName) {
        if (element == null || !element.hasAttributeNS(ns, localName)) {
            return null;
        }
        return element.getAttributeNS(ns, localName);
    }
}
