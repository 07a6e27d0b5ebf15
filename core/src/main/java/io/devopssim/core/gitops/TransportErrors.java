package io.devopssim.core.gitops;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.transport.URIish;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what JGit throws into one sentence a user can act on, naming the repository URL without any
 * password (JGit's own messages are terse and sometimes carry the URL as typed).
 */
final class TransportErrors {

    private TransportErrors() {
    }

    static PromotionException describe(String repoUrl, Throwable error, GitCredentials credentials, int timeoutSeconds) {
        String url = safeUrl(repoUrl);
        String message;
        if (find(error, ConnectException.class) != null || find(error, NoRouteToHostException.class) != null) {
            message = "cannot reach " + url + ": connection refused";
        } else if (find(error, UnknownHostException.class) != null) {
            message = "cannot reach " + url + ": unknown host " + find(error, UnknownHostException.class).getMessage();
        } else if (find(error, InterruptedIOException.class) != null || mentions(error, "timed out", "timeout")) {
            message = "cannot reach " + url + ": no answer within " + timeoutSeconds + " s";
        } else if (find(error, SSLException.class) != null) {
            message = "cannot reach " + url + ": TLS failed (" + find(error, SSLException.class).getMessage() + ")";
        } else if (mentions(error, "not authorized", "authentication is required", "authentication not supported",
                "not permitted", " 401", " 403")) {
            message = "authentication failed for " + url + ": check the user name and password/token";
        } else if (find(error, NoRemoteRepositoryException.class) != null || mentions(error, "repository not found")) {
            message = "no Git repository at " + url;
        } else {
            message = "Git operation on " + url + " failed: " + innermost(error);
        }
        return new PromotionException(redact(message, credentials), error);
    }

    /** The URL without user information, which may hold a password. */
    static String safeUrl(String repoUrl) {
        try {
            URIish uri = new URIish(repoUrl);
            return uri.setUser(null).setPass(null).toString();
        } catch (URISyntaxException e) {
            return repoUrl.replaceAll("//[^/@]*@", "//");
        }
    }

    static String redact(String message, GitCredentials credentials) {
        if (credentials == null || credentials.isAnonymous()) {
            return message;
        }
        String secret = new String(credentials.password());
        return secret.length() >= 4 ? message.replace(secret, "****") : message;
    }

    private static String innermost(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).replaceAll("\\s+", " ").strip();
    }

    private static boolean mentions(Throwable error, String... needles) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (m.contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
