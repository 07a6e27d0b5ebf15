package io.devopssim.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.devopssim.core.gitops.ValueLocator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code gitops:}: which value of which file of which repository a promotion changes. */
final class GitOpsReader {
    static final List<String> LOCATORS = List.of("helm", "yaml", "kustomizeImage");
    static final List<String> KEYS = List.of("repo", "branch", "file", "helm", "yaml", "kustomizeImage", "credentials");
    static final List<String> CREDENTIAL_KEYS = List.of("usernameEnv", "passwordEnv", "credentialsId");
    static final String DEFAULT_BRANCH = "main";

    private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:.*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The rules of git check-ref-format that a person can break by accident. */
    static final Pattern BAD_BRANCH = Pattern.compile(
            "^[-/.].*|.*[/.]$|.*\\.\\..*|.*//.*|.*@\\{.*|.*\\.lock$|.*/\\..*|.*[\\s~^:?*\\[\\\\\\p{Cntrl}].*");

    private GitOpsReader() {
    }

    static Optional<GitOpsSpec> read(JsonNode section, Problems problems) {
        return read(section, "gitops", problems);
    }

    /** @param path where the section is, for messages ({@code ""} when it is the whole document) */
    static Optional<GitOpsSpec> read(JsonNode section, String path, Problems problems) {
        Optional<SpecNode> gitops = SpecNode.map(section, path, problems, true, KEYS);
        if (gitops.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = gitops.get();
        Optional<String> repo = node.text("repo", true).filter(r -> checkRepo(r, node.path("repo"), problems));
        Optional<String> branch = node.has("branch") ? node.text("branch", false) : Optional.of(DEFAULT_BRANCH);
        if (branch.isPresent() && BAD_BRANCH.matcher(branch.get()).matches()) {
            problems.add(node.path("branch"), "\"" + branch.get() + "\" is not a valid branch name");
            branch = Optional.empty();
        }
        Optional<String> file = node.text("file", true).filter(f -> checkFile(f, node.path("file"), problems));
        Optional<ValueLocator> locator = locator(node, problems);
        Optional<CredentialsSpec> credentials = node.has("credentials")
                ? credentials(node.get("credentials", false).orElseThrow(), node.path("credentials"), problems)
                : Optional.of(CredentialsSpec.NONE);
        if (repo.isEmpty() || branch.isEmpty() || file.isEmpty() || locator.isEmpty() || credentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GitOpsSpec(repo.get(), branch.get(), file.get(), locator.get(), credentials.get()));
    }

    /** http(s) and file URLs, or a path; no SSH (JGit here has no SSH transport) and no secret in the URL. */
    static boolean checkRepo(String repo, String path, Problems problems) {
        int scheme = repo.indexOf("://");
        if (scheme < 0) {
            if (SCP_LIKE.matcher(repo).matches()) {
                problems.add(path, "SSH is not supported (use an http, https or file URL, or a path)");
                return false;
            }
            return true;
        }
        String name = repo.substring(0, scheme).toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "file").contains(name)) {
            problems.add(path, "scheme \"" + name + "\" is not supported (use an http, https or file URL, or a path)");
            return false;
        }
        URI uri;
        try {
            uri = new URI(repo);
        } catch (URISyntaxException e) {
            problems.add(path, "\"" + repo + "\" is not a valid URL: " + e.getReason());
            return false;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(path, "must not carry credentials; give them in gitops.credentials");
            return false;
        }
        if (!name.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            problems.add(path, "\"" + repo + "\" has no host");
            return false;
        }
        return true;
    }

    /** A path inside the repository: relative, and not climbing out of it. */
    static boolean checkFile(String file, String path, Problems problems) {
        String normal = file.replace('\\', '/');
        boolean absolute = normal.startsWith("/") || normal.matches("[A-Za-z]:.*");
        boolean climbs = List.of(normal.split("/")).contains("..");
        if (absolute || climbs) {
            problems.add(path, "must be a path inside the repository, relative to its root, got \"" + file + "\"");
            return false;
        }
        return true;
    }

    private static Optional<ValueLocator> locator(SpecNode node, Problems problems) {
        List<String> given = new ArrayList<>();
        for (String key : LOCATORS) {
            if (node.has(key)) {
                given.add(key);
            }
        }
        if (given.isEmpty()) {
            problems.add(node.path(), "needs exactly one of helm, yaml, kustomizeImage (where the value is)");
            return Optional.empty();
        }
        if (given.size() > 1) {
            problems.add(node.path(), "has " + String.join(" and ", given)
                    + "; give exactly one of helm, yaml, kustomizeImage");
            return Optional.empty();
        }
        String key = given.get(0);
        return node.text(key, true).map(value -> switch (key) {
            case "helm" -> new ValueLocator.HelmValue(value);
            case "yaml" -> new ValueLocator.YamlPath(value);
            default -> new ValueLocator.KustomizeImage(value);
        });
    }

    /** {usernameEnv, passwordEnv} together, or {credentialsId}; never both, never a secret itself. */
    static Optional<CredentialsSpec> credentials(JsonNode section, String path, Problems problems) {
        Optional<SpecNode> credentials = SpecNode.map(section, path, problems, true, CREDENTIAL_KEYS);
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        SpecNode node = credentials.get();
        Optional<String> user = envName(node, "usernameEnv");
        Optional<String> password = envName(node, "passwordEnv");
        Optional<String> id = node.text("credentialsId", false);
        boolean pairGiven = node.has("usernameEnv") || node.has("passwordEnv");
        boolean idGiven = node.has("credentialsId");
        if (pairGiven && idGiven) {
            problems.add(path, "give usernameEnv and passwordEnv, or credentialsId, not both");
            return Optional.empty();
        }
        if (!pairGiven && !idGiven) {
            problems.add(path, "give usernameEnv and passwordEnv, or credentialsId");
            return Optional.empty();
        }
        if (pairGiven && node.has("usernameEnv") != node.has("passwordEnv")) {
            String missing = node.has("usernameEnv") ? "passwordEnv" : "usernameEnv";
            String present = node.has("usernameEnv") ? "usernameEnv" : "passwordEnv";
            problems.add(node.path(missing), "required with " + present);
            return Optional.empty();
        }
        if (pairGiven) {
            return user.isPresent() && password.isPresent()
                    ? Optional.of(new CredentialsSpec(user.get(), password.get(), null))
                    : Optional.empty();
        }
        return id.map(i -> new CredentialsSpec(null, null, i));
    }

    private static Optional<String> envName(SpecNode node, String key) {
        Optional<String> name = node.text(key, false);
        if (name.isPresent() && !ENV_NAME.matcher(name.get()).matches()) {
            node.problems().add(node.path(key), "\"" + name.get() + "\" is not an environment variable name");
            return Optional.empty();
        }
        return name;
    }
}
