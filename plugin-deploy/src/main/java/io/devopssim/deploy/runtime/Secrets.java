package io.devopssim.deploy.runtime;

import java.util.function.Function;

/** Reads a secret from the environment variable a spec names; the message names the variable, never a value. */
final class Secrets {
    private Secrets() {
    }

    static String required(Function<String, String> env, String variable, String specKey) throws RuntimeSetupException {
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            throw new RuntimeSetupException("environment variable " + variable + " (" + specKey + ") is not set");
        }
        return value;
    }
}
