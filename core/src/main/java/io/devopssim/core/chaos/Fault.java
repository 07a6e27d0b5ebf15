package io.devopssim.core.chaos;

/**
 * One fault an experiment injects. Values are validated where a spec is read (plugin-chaos'
 * ExperimentReader), so that bad input is reported before anything starts; the constructors here only
 * guard against programming errors.
 */
public sealed interface Fault {

    /** The name used in experiment specs, e.g. {@code packetLoss}. */
    String kind();

    /** Adds {@code ms} of delay to the target's network traffic. */
    record Latency(int ms) implements Fault {
        public Latency {
            requirePositive(ms, "ms");
        }

        @Override
        public String kind() {
            return "latency";
        }
    }

    /** Drops {@code percent} of the target's packets. */
    record PacketLoss(int percent) implements Fault {
        public PacketLoss {
            requirePercent(percent);
        }

        @Override
        public String kind() {
            return "packetLoss";
        }
    }

    /** Drops all of the target's traffic. */
    record Blackhole() implements Fault {
        @Override
        public String kind() {
            return "blackhole";
        }
    }

    /** Burns {@code cores} cores at {@code percent} of their capacity. */
    record Cpu(int cores, int percent) implements Fault {
        public Cpu {
            requirePositive(cores, "cores");
            requirePercent(percent);
        }

        @Override
        public String kind() {
            return "cpu";
        }
    }

    /** Allocates {@code mib} MiB on the target. */
    record Memory(int mib) implements Fault {
        public Memory {
            requirePositive(mib, "mib");
        }

        @Override
        public String kind() {
            return "memory";
        }
    }

    /** Deletes {@code count} of the target's pods. */
    record PodKill(int count) implements Fault {
        public PodKill {
            requirePositive(count, "count");
        }

        @Override
        public String kind() {
            return "podKill";
        }
    }

    /** Takes a node of the target away: cordon, then drain by eviction. */
    record NodeFailure() implements Fault {
        @Override
        public String kind() {
            return "nodeFailure";
        }
    }

    /** Kills the processes named {@code name} on the target. */
    record ProcessKill(String name) implements Fault {
        public ProcessKill {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("process name must not be blank");
            }
        }

        @Override
        public String kind() {
            return "processKill";
        }
    }

    private static void requirePositive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requirePercent(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be in 1..100, was " + percent);
        }
    }
}
