package io.devopssim.chaos;

import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosExperiments;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The chaos engine behind a rollout's {@code chaos} steps: reads the experiment the step carries and runs it
 * with a {@link ChaosRunner}, whose store makes every call resumable.
 */
public final class RolloutChaos implements ChaosExperiments {
    private final ChaosRunner runner;
    private final ExperimentStore store;
    private final ExperimentReader reader = new ExperimentReader();

    /** @param store the same store {@code runner} saves to */
    public RolloutChaos(ChaosRunner runner, ExperimentStore store) {
        this.runner = runner;
        this.store = store;
    }

    @Override
    public void validate(String path, String experimentYaml) throws InvalidSpecException {
        try {
            ExperimentDocument d = reader.readDocument(experimentYaml);
            // a rollout's experiment runs where the rollout runs; a section that says otherwise would be ignored
            List<SpecProblem> placed = new java.util.ArrayList<>();
            if (d.backend() != null) {
                placed.add(new SpecProblem("backend", "a rollout's chaos step runs on the rollout's own backend: leave backend out"
                        + " (it is for the chaosExperiment step)"));
            }
            if (d.metrics() != null) {
                placed.add(new SpecProblem("metrics", "a rollout's chaos step reads the rollout's own metrics: leave metrics out"
                        + " (it is for the chaosExperiment step)"));
            }
            if (!placed.isEmpty()) {
                throw new InvalidSpecException(placed);
            }
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(e.problems().stream()
                    .map(p -> new SpecProblem(p.path().isEmpty() ? path : path + "." + p.path(), p.message()))
                    .toList());
        }
    }

    @Override
    public Progress advance(String experimentId, String experimentYaml) throws ChaosBackendException {
        try {
            ExperimentSpec spec = reader.read(experimentYaml);
            ExperimentState s = runner.advance(experimentId, spec);
            String last = s.events().isEmpty() ? s.phase().name() : s.events().get(s.events().size() - 1).message();
            return s.isDone() ? new Progress(null, runner.result(experimentId), last) : new Progress(s.waitUntil(), null, last);
        } catch (InvalidSpecException e) {
            throw new ChaosBackendException("invalid experiment: " + e.getMessage(), e);
        } catch (ChaosException e) {
            throw new ChaosBackendException(e.getMessage(), e);
        }
    }

    @Override
    public void stop(String experimentId, String reason) throws ChaosBackendException {
        try {
            Optional<ExperimentState> s = store.load(experimentId);
            if (s.isPresent() && (!s.get().isDone() || s.get().faultsMayBeActive())) {
                runner.stop(experimentId, reason);
            }
        } catch (IOException | ChaosException e) {
            throw new ChaosBackendException("could not stop experiment " + experimentId + ": " + e.getMessage(), e);
        }
    }

    /** Every experiment id this engine knows, for the kill switch. */
    public List<String> ids() throws IOException {
        return store.ids();
    }
}
