package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.util.Collection;

/**
 * Compile-only copy of the validation results a {@code doCheck} method returns. A binding's doCheck unit test
 * necessarily runs through the factories, so they do what the real ones do: {@link #kind}, an HTML-escaped
 * {@link #getMessage()} ({@code error(null)} is {@link #ok()}), {@link #renderHtml()} as outside a request, and
 * {@link #aggregate}. The {@code validate*} helpers (localized messages) and the Stapler response methods are
 * not declared; the real class also implements Stapler's HttpResponse.
 */
public abstract class FormValidation extends IOException {

    private static final long serialVersionUID = 1L;

    /** Indicates the kind of result. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final FormValidation OK = respond(Kind.OK, "<div/>");

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        return errorWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation warning(String message) {
        return warningWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation ok(String message) {
        return okWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation ok() {
        return OK;
    }

    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    /** Validation of the least successful kind, aggregating all child messages. */
    @NonNull
    public static FormValidation aggregate(@NonNull Collection<FormValidation> validations) {
        if (validations == null || validations.isEmpty()) {
            return ok();
        }
        if (validations.size() == 1) {
            return validations.iterator().next();
        }
        StringBuilder html = new StringBuilder("<ul style='list-style-type: none; padding-left: 0; margin: 0'>");
        Kind worst = Kind.OK;
        for (FormValidation validation : validations) {
            html.append("<li>").append(validation.renderHtml()).append("</li>");
            if (validation.kind.ordinal() > worst.ordinal()) {
                worst = validation.kind;
            }
        }
        html.append("</ul>");
        return respond(worst, html.toString());
    }

    public static FormValidation errorWithMarkup(String message) {
        return withMarkup(message, Kind.ERROR);
    }

    public static FormValidation warningWithMarkup(String message) {
        return withMarkup(message, Kind.WARNING);
    }

    public static FormValidation okWithMarkup(String message) {
        return withMarkup(message, Kind.OK);
    }

    public static FormValidation respond(Kind kind, final String html) {
        return new FormValidation(kind) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return html;
            }

            @Override
            public String toString() {
                return kind + ": " + html;
            }
        };
    }

    public abstract String renderHtml();

    /** The real one wraps the message in a styled div when called within a Stapler request; there is none here. */
    private static FormValidation withMarkup(final String message, final Kind kind) {
        if (message == null) {
            return ok();
        }
        return new FormValidation(kind, message) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return message;
            }

            @Override
            public String toString() {
                return kind + ": " + message;
            }
        };
    }

    /** hudson.Util.escape of core 2.479.3, which error/warning/ok(String) apply. */
    private static String escape(String text) {
        StringBuilder buf = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                buf.append("<br>");
            } else if (ch == '<') {
                buf.append("&lt;");
            } else if (ch == '>') {
                buf.append("&gt;");
            } else if (ch == '&') {
                buf.append("&amp;");
            } else if (ch == '"') {
                buf.append("&quot;");
            } else if (ch == '\'') {
                buf.append("&#039;");
            } else if (ch == ' ') {
                // a run of spaces keeps its width: all but the last become non-breaking
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                buf.append(next == ' ' ? "&nbsp;" : " ");
            } else {
                buf.append(ch);
            }
        }
        return buf.toString();
    }
}
