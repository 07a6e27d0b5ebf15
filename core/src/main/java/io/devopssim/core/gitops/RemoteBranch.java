package io.devopssim.core.gitops;

import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One branch of the remote repository, seen through one transport for the whole operation: the fetches
 * and pushes of one promotion reuse it, so HTTP authentication is negotiated once.
 */
final class RemoteBranch implements AutoCloseable {

    /** How a compare-and-swap push ended when the server did not fail outright. */
    enum Push { OK, RACE }

    private static final Pattern RACE_MESSAGE = Pattern.compile("lock|invalid old id", Pattern.CASE_INSENSITIVE);

    private final Repository repo;
    private final String url;
    private final String branch;
    private final String remoteRef;
    private final String trackingRef;
    private final GitCredentials credentials;
    private final int timeoutSeconds;
    private final UsernamePasswordCredentialsProvider credentialsProvider;
    private Transport transport;

    RemoteBranch(Repository repo, String url, String branch, GitCredentials credentials, int timeoutSeconds) {
        this.repo = repo;
        this.url = url;
        this.branch = branch;
        this.remoteRef = Constants.R_HEADS + branch;
        this.trackingRef = Constants.R_REMOTES + "origin/" + branch;
        this.credentials = credentials;
        this.timeoutSeconds = timeoutSeconds;
        this.credentialsProvider = credentials.isAnonymous() ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    /** Fetches the branch and returns its tip as the server has it now. */
    ObjectId fetch() throws PromotionException {
        RefSpec spec = new RefSpec("+" + remoteRef + ":" + trackingRef);
        try {
            FetchResult result = transport().fetch(NullProgressMonitor.INSTANCE, List.of(spec));
            Ref advertised = result.getAdvertisedRef(remoteRef);
            if (advertised == null) {
                throw new PromotionException("branch " + branch + " not found in " + TransportErrors.safeUrl(url));
            }
            return advertised.getObjectId();
        } catch (NotSupportedException e) {
            throw new PromotionException("unsupported Git URL: " + TransportErrors.safeUrl(url), e);
        } catch (TransportException e) {
            // JGit fails the fetch of a branch the server does not have with a TransportException too
            PromotionException missing = missingBranch();
            throw missing != null ? missing : TransportErrors.describe(url, e, credentials, timeoutSeconds);
        }
    }

    /**
     * Pushes {@code commit} to the branch only if the branch is still at {@code expectedTip}: the server
     * checks the old value under its ref lock, so a concurrent push makes this one a {@link Push#RACE}.
     */
    Push push(ObjectId commit, ObjectId expectedTip) throws PromotionException {
        try {
            RemoteRefUpdate update = new RemoteRefUpdate(repo, commit.name(), remoteRef, false, trackingRef, expectedTip);
            PushResult result = transport().push(NullProgressMonitor.INSTANCE, List.of(update));
            RemoteRefUpdate done = result.getRemoteUpdate(remoteRef);
            return switch (done.getStatus()) {
                case OK, UP_TO_DATE -> Push.OK;
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> Push.RACE;
                case REJECTED_OTHER_REASON -> {
                    String why = done.getMessage() == null ? "" : done.getMessage();
                    // the ref moved between the server's advertisement and its update ("failed to lock",
                    // "invalid old id sent" in JGit's ReceivePack): a race too. Other messages are a race
                    // only if the branch really moved; otherwise the server refused this push (a hook, a rule).
                    if (RACE_MESSAGE.matcher(why).find() || remoteMovedFrom(expectedTip)) {
                        yield Push.RACE;
                    }
                    throw new PromotionException(TransportErrors.safeUrl(url) + " rejected the push to " + branch
                            + ": " + TransportErrors.redact(why, credentials));
                }
                default -> throw new PromotionException(TransportErrors.safeUrl(url) + " did not accept the push to "
                        + branch + " (" + done.getStatus() + ")");
            };
        } catch (TransportException e) {
            throw TransportErrors.describe(url, e, credentials, timeoutSeconds);
        } catch (IOException e) {
            throw new PromotionException("cannot prepare the push to " + TransportErrors.safeUrl(url) + ": "
                    + e.getMessage(), e);
        }
    }

    private boolean remoteMovedFrom(ObjectId expectedTip) throws PromotionException {
        try (FetchConnection connection = transport().openFetch()) {
            Ref now = connection.getRef(remoteRef);
            return now == null || !expectedTip.equals(now.getObjectId());
        } catch (IOException e) {
            throw TransportErrors.describe(url, e, credentials, timeoutSeconds);
        }
    }

    /** When the server answers but has no such branch: the error that says so and lists its branches. */
    private PromotionException missingBranch() {
        List<String> branches;
        try (FetchConnection connection = transport().openFetch()) {
            if (connection.getRef(remoteRef) != null) {
                return null;
            }
            branches = connection.getRefs().stream().map(Ref::getName).filter(n -> n.startsWith(Constants.R_HEADS))
                    .map(n -> n.substring(Constants.R_HEADS.length())).sorted().toList();
        } catch (IOException | PromotionException e) {
            return null;
        }
        return new PromotionException("branch " + branch + " not found in " + TransportErrors.safeUrl(url)
                + (branches.isEmpty() ? " (the repository has no branches)" : " (branches: " + String.join(", ", branches) + ")"));
    }

    private Transport transport() throws PromotionException {
        if (transport == null) {
            try {
                transport = Transport.open(repo, new URIish(url));
            } catch (URISyntaxException e) {
                throw new PromotionException("not a Git URL: " + TransportErrors.safeUrl(url));
            } catch (IOException e) {
                throw TransportErrors.describe(url, e, credentials, timeoutSeconds);
            }
            transport.setTimeout(timeoutSeconds);
            transport.setTagOpt(TagOpt.NO_TAGS);
            if (credentialsProvider != null) {
                transport.setCredentialsProvider(credentialsProvider);
            }
        }
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
        if (credentialsProvider != null) {
            credentialsProvider.clear();
        }
    }
}
