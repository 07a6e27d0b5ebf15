package io.devopssim.core.chaos;

import java.util.List;
import java.util.Objects;

/** Every check of one probe, oldest first. */
public record ProbeSeries(String probe, List<ProbePoint> points) {
    public ProbeSeries {
        Objects.requireNonNull(probe, "probe");
        points = List.copyOf(points);
    }

    public boolean heldThroughout() {
        return points.stream().allMatch(ProbePoint::held);
    }
}
