package io.devopssim.deploy.routing;

/** Checks of the port's weight argument, shared by every router. */
final class Weights {

    private Weights() {
    }

    static int check(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("canary weight must be 0..100, was " + percent);
        }
        return percent;
    }
}
