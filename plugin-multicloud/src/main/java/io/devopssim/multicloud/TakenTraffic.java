package io.devopssim.multicloud;

import java.util.ArrayList;
import java.util.List;

/**
 * The traffic a cluster took from clusters of its wave that failed over (policy shift), and its resizing for it.
 *
 * @param shares   each share taken, in order
 * @param sized    how many of those shares its replica count accounts for (sizing or resize)
 * @param commits  the resize commits made for them, in order (reverted, newest first, with the cluster)
 * @param replicas the replica count of its last resize, or null
 */
public record TakenTraffic(List<Share> shares, int sized, List<String> commits, Integer replicas) {
    public static final TakenTraffic NONE = new TakenTraffic(List.of(), 0, List.of(), null);

    public TakenTraffic {
        shares = shares == null ? List.of() : List.copyOf(shares);
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    /**
     * @param from     the cluster that failed over
     * @param fraction the part of {@code from}'s load this cluster carries now (its weight gained over from's share)
     */
    public record Share(String from, double fraction) {
    }

    public boolean needsResize() {
        return shares.size() > sized;
    }

    public TakenTraffic taking(Share share) {
        List<Share> more = new ArrayList<>(shares);
        more.add(share);
        return new TakenTraffic(more, sized, commits, replicas);
    }

    /** Its replicas (sizing or resize) now account for every share taken. */
    public TakenTraffic allSized() {
        return new TakenTraffic(shares, shares.size(), commits, replicas);
    }

    public TakenTraffic resized(int r, String commit) {
        List<String> more = new ArrayList<>(commits);
        more.add(commit);
        return new TakenTraffic(shares, shares.size(), more, r);
    }
}
