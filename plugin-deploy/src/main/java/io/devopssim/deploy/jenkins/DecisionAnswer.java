package io.devopssim.deploy.jenkins;

import hudson.util.FormValidation;
import io.devopssim.deploy.RolloutException;

/**
 * What the browser gets after an Approve or Abort button (rollouts here, waves in devsim-multicloud): sent back
 * to the build page at once, whose summary shows the rollout going on, with the recorded line and a link for a
 * browser that does not follow the refresh. A refresh in the page, not an HTTP redirect: Stapler's response types
 * are not in the compile-only API (see the README). On an error the message stays, with no refresh.
 */
public final class DecisionAnswer {
    /** The refresh that sends the browser back to the build page. */
    public static final String BACK_TO_BUILD = "<meta http-equiv=\"refresh\" content=\"0;url=../\">";

    /** A decision on a paused rollout or plan; returns the line recorded in its timeline. */
    @FunctionalInterface
    public interface Decision {
        String make() throws RolloutException;
    }

    private DecisionAnswer() {
    }

    /** Makes {@code decision} and answers with its line, or with its error. */
    public static FormValidation of(Decision decision) {
        try {
            return FormValidation.okWithMarkup(BACK_TO_BUILD + "<p>" + escape(decision.make())
                    + "</p><p><a href=\"../\">Back to the build</a></p>");
        } catch (RolloutException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
