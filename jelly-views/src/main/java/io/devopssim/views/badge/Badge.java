package io.devopssim.views.badge;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A flat badge in the shields.io style, as SVG a README can embed: a grey label on the left, a coloured message
 * on the right. Text widths come from Verdana's advance widths at 11 px (the font the badge asks for), and each
 * text carries {@code textLength}, so another font still fits the box.
 *
 * @param label   left text, e.g. {@code checkout production}
 * @param message right text, e.g. {@code promoted · score 98}
 * @param color   the message's background, {@code #rgb} or {@code #rrggbb}
 */
public record Badge(String label, String message, String color) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");
    private static final String LABEL_COLOR = "#555";
    private static final int PADDING = 6;

    public Badge {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(message, "message");
        if (color == null || !HEX.matcher(color).matches()) {
            throw new IllegalArgumentException("badge colour must be #rgb or #rrggbb, was " + color);
        }
    }

    /** The badge as a standalone SVG document (also valid inline in HTML). */
    public String svg() {
        double labelText = VerdanaWidths.of(label);
        double messageText = VerdanaWidths.of(message);
        double labelWidth = Math.ceil(labelText + 2 * PADDING);
        double messageWidth = Math.ceil(messageText + 2 * PADDING);
        double width = labelWidth + messageWidth;
        String title = Xml.escape(label + ": " + message);
        // ids are per badge, so several badges inlined in one page do not share a gradient or a clip
        String id = "devsim-badge-" + Integer.toHexString((label + '\n' + message + '\n' + color).hashCode());
        StringBuilder s = new StringBuilder(1024);
        s.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"20\" role=\"img\" aria-label=\"%s\">",
                n(width), title));
        s.append("<title>").append(title).append("</title>");
        s.append(f("<linearGradient id=\"%s-s\" x2=\"0\" y2=\"100%%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>", id));
        s.append(f("<clipPath id=\"%s-r\"><rect width=\"%s\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>", id, n(width)));
        s.append(f("<g clip-path=\"url(#%s-r)\">", id));
        s.append(f("<rect width=\"%s\" height=\"20\" fill=\"%s\"/>", n(labelWidth), LABEL_COLOR));
        s.append(f("<rect x=\"%s\" width=\"%s\" height=\"20\" fill=\"%s\"/>", n(labelWidth), n(messageWidth), color));
        s.append(f("<rect width=\"%s\" height=\"20\" fill=\"url(#%s-s)\"/>", n(width), id));
        s.append("</g>");
        s.append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\""
                + " text-rendering=\"geometricPrecision\" font-size=\"11\">");
        text(s, labelWidth / 2, labelText, label);
        text(s, labelWidth + messageWidth / 2, messageText, message);
        s.append("</g></svg>");
        return s.toString();
    }

    /** A shadow one pixel down, then the text: shields' flat style. */
    private static void text(StringBuilder s, double x, double length, String text) {
        String t = Xml.escape(text);
        s.append(f("<text aria-hidden=\"true\" x=\"%s\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" textLength=\"%s\">%s</text>",
                n(x), n(length), t));
        s.append(f("<text x=\"%s\" y=\"14\" textLength=\"%s\">%s</text>", n(x), n(length), t));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
