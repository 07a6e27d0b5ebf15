package io.devopssim.deploy.view;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Web links to commits of the environment repository. GitHub, GitLab, Gitea and Forgejo all show a
 * commit at {@code <repository page>/commit/<id>}; a file or path repository has no page, so no link.
 */
final class CommitLinks {
    private CommitLinks() {
    }

    static String url(String repoUrl, String commitId) {
        if (repoUrl == null || commitId == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(repoUrl);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return null;
        }
        String base = repoUrl.replaceAll("/+$", "");
        if (base.endsWith(".git")) {
            base = base.substring(0, base.length() - 4);
        }
        return base + "/commit/" + commitId;
    }

    static String shortId(String id) {
        return id == null ? null : id.substring(0, Math.min(8, id.length()));
    }
}
