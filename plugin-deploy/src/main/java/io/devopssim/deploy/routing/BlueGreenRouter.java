package io.devopssim.deploy.routing;

import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;
import java.util.Objects;
import java.util.Optional;

/**
 * Blue-green through the {@link TrafficRouter} port: weight 0 selects the stable colour, 100 the new
 * one, in one selector switch; a cut-over has no weights in between, so they are refused rather than
 * rounded. Which colour is "new" changes with every release, so a router is made per release.
 */
public final class BlueGreenRouter implements TrafficRouter {

    private final ServiceSelectorSwitch selector;
    private final String stableColour;
    private final String newColour;

    public BlueGreenRouter(ServiceSelectorSwitch selector, String stableColour, String newColour) {
        this.selector = Objects.requireNonNull(selector, "selector");
        this.stableColour = Objects.requireNonNull(stableColour, "stableColour");
        this.newColour = Objects.requireNonNull(newColour, "newColour");
        if (stableColour.equals(newColour)) {
            throw new IllegalArgumentException("stable and new colour must differ, both are " + newColour);
        }
    }

    @Override
    public void setCanaryWeight(int percent) throws TrafficRoutingException {
        switch (Weights.check(percent)) {
            case 0 -> selector.activate(stableColour);
            case 100 -> selector.activate(newColour);
            default -> throw new TrafficRoutingException("blue-green switches all traffic at once: weight "
                    + percent + " is neither 0 (" + stableColour + ") nor 100 (" + newColour + ")");
        }
    }

    @Override
    public int canaryWeight() throws TrafficRoutingException {
        Optional<String> active = selector.activeColour();
        if (active.filter(newColour::equals).isPresent()) {
            return 100;
        }
        if (active.filter(stableColour::equals).isPresent()) {
            return 0;
        }
        throw new TrafficRoutingException("the Service selects colour " + active.orElse("(none)")
                + ", neither " + stableColour + " nor " + newColour);
    }
}
