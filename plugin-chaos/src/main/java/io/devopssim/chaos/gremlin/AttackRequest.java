package io.devopssim.chaos.gremlin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attack for {@code POST /attacks/new} (API.md "Create an attack"): a command and a container
 * target selected by labels, never an unfiltered target (Gremlin would hit every client of the team).
 *
 * @param type        Gremlin's short attack name, e.g. {@code latency}, {@code packet_loss}
 * @param commandType the display name paired with it in Gremlin's SDK, e.g. {@code Packet Loss}
 * @param args        the CLI flags, starting with {@code -l <seconds>}
 * @param labels      container labels to select (at least one)
 * @param percent     share of the matching containers (Random target); null when {@code exact} is set
 * @param exact       number of matching containers; null when {@code percent} is set
 * @param annotations name-value strings the attack carries, to find it again (see {@link GremlinClient#createAttack})
 */
public record AttackRequest(String type, String commandType, List<String> args, Map<String, String> labels,
                            Integer percent, Integer exact, Map<String, String> annotations) {
    public AttackRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(commandType, "commandType");
        args = List.copyOf(args);
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an attack must select containers by at least one label");
        }
        if ((percent == null) == (exact == null)) {
            throw new IllegalArgumentException("give exactly one of percent and exact");
        }
    }

    public AttackRequest(String type, String commandType, List<String> args, Map<String, String> labels,
                         Integer percent, Integer exact) {
        this(type, commandType, args, labels, percent, exact, Map.of());
    }

    /** The same attack, carrying one more annotation. */
    public AttackRequest annotated(String name, String value) {
        Map<String, String> next = new HashMap<>(annotations);
        next.put(name, value);
        return new AttackRequest(type, commandType, args, labels, percent, exact, next);
    }
}
