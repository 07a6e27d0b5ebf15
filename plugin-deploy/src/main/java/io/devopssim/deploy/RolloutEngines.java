package io.devopssim.deploy;

/** Chooses the engine for a spec's strategy, so the CLI and Jenkins run any of them alike. */
public final class RolloutEngines {
    private RolloutEngines() {
    }

    public static RolloutEngine create(RolloutContext ctx) {
        return switch (ctx.spec().strategy()) {
            case CANARY -> new CanaryEngine(ctx);
            case BLUE_GREEN -> new BlueGreenEngine(ctx);
            case HYBRID -> new HybridEngine(ctx);
            case ROLLING -> new RollingUpdateEngine(ctx);
        };
    }
}
