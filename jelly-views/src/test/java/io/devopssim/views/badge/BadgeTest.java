package io.devopssim.views.badge;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadgeTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> attributes(Document d, String tag, String attribute) {
        NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    static List<String> texts(Document d) {
        NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    @Test
    void aBadgeIsAWellFormedSvgWithItsTextsOnAGreyLabelAndAColouredMessage() throws Exception {
        Document d = parse(new Badge("checkout production", "promoted \u00B7 score 98", "#4c1").svg());

        Element svg = d.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("height")).isEqualTo("20");
        assertThat(svg.getAttribute("aria-label")).isEqualTo("checkout production: promoted \u00B7 score 98");
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("checkout production: promoted \u00B7 score 98");
        assertThat(texts(d)).containsExactly("checkout production", "checkout production",
                "promoted \u00B7 score 98", "promoted \u00B7 score 98");
        List<String> fills = attributes(d, "rect", "fill");
        assertThat(fills.subList(1, 3)).containsExactly("#555", "#4c1");
        List<String> widths = attributes(d, "rect", "width");
        double label = Double.parseDouble(widths.get(1));
        double message = Double.parseDouble(widths.get(2));
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(label + message);
        assertThat(label).as("19 characters of Verdana 11px and padding").isBetween(110.0, 140.0);
        List<String> x = attributes(d, "text", "x");
        assertThat(Double.parseDouble(x.get(3))).as("message centred in its box").isEqualTo(label + message / 2);
    }

    @Test
    void textIsEscapedAndIdsDifferBetweenBadgesSoSeveralCanShareAPage() throws Exception {
        String a = new Badge("a<b> & \"c\"", "x", "#e05d44").svg();
        String b = new Badge("other", "y", "#e05d44").svg();

        assertThat(texts(parse(a))).contains("a<b> & \"c\"");
        List<String> idsA = attributes(parse(a), "clipPath", "id");
        List<String> idsB = attributes(parse(b), "clipPath", "id");
        assertThat(idsA).doesNotContainAnyElementsOf(idsB);
    }

    @Test
    void aColourMustBeHex() {
        assertThatThrownBy(() -> new Badge("a", "b", "red\" onload=\"x")).hasMessageContaining("#rgb or #rrggbb");
    }

    @Test
    void widerTextMakesAWiderBadge() {
        assertThat(VerdanaWidths.of("WWW")).isGreaterThan(VerdanaWidths.of("iii"));
        assertThat(VerdanaWidths.of("promoted")).isBetween(45.0, 60.0);
    }
}
