package dev.ticketsms.sandbox.inbound;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The SMS a TwiML answer asks Twilio to send back: each {@code <Message>} of the {@code <Response>},
 * its text either directly inside or in a {@code <Body>}, optionally to another number ({@code to}
 * attribute). Anything that is not TwiML asks for nothing, as with Twilio. DTDs are refused, so a
 * webhook answer cannot make the sandbox read files or URLs.
 */
final class TwimlReplies {

    record Reply(String to, String body) {
    }

    private TwimlReplies() {
    }

    static List<Reply> in(String twiml, String defaultTo) {
        if (twiml == null || twiml.isBlank()) {
            return List.of();
        }
        Element response;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            response = builder.parse(new InputSource(new StringReader(twiml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException notTwiml) {
            return List.of();
        }
        if (!"Response".equals(response.getTagName())) {
            return List.of();
        }
        var replies = new ArrayList<Reply>();
        for (var node = response.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element message && "Message".equals(message.getTagName())) {
                var to = message.getAttribute("to");
                replies.add(new Reply(to.isBlank() ? defaultTo : to.trim(), text(message)));
            }
        }
        return List.copyOf(replies);
    }

    /** The {@code <Body>} when there is one, else the message's own text without its {@code <Media>}. */
    private static String text(Element message) {
        var bodies = message.getElementsByTagName("Body");
        if (bodies.getLength() > 0) {
            return bodies.item(0).getTextContent().trim();
        }
        var text = new StringBuilder();
        for (var node = message.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString().trim();
    }
}
