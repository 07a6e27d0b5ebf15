package io.devopssim.deploy.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopssim.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waiter's decisions on Application states, without a transport. */
class ArgoCdWaiterTest {

    private static final String OLD = "1111111111111111111111111111111111111111";
    private static final String NEW = "2222222222222222222222222222222222222222";

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ScriptedApplications argoCd = new ScriptedApplications();
    private final ArgoCdWaiter waiter = new ArgoCdWaiter(argoCd, "checkout-prod", NEW, clock, Duration.ofMinutes(5));

    @Test
    void shouldBeDoneWhenInSyncAtTheRevisionWithoutANewOperation() throws ArgoCdException {
        argoCd.state = new ApplicationState("Synced", NEW, "Healthy", "", false, "Succeeded", "", OLD);

        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.DONE);
    }

    @Test
    void shouldWaitWhileAnOperationIsRunningEvenIfSyncedAndHealthy() throws ArgoCdException {
        argoCd.state = new ApplicationState("Synced", NEW, "Healthy", "", false, "Running", "", "");

        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.PENDING);
    }

    @Test
    void shouldNotFailOnDegradedAtAnOlderRevision() throws ArgoCdException {
        argoCd.state = new ApplicationState("OutOfSync", OLD, "Degraded", "crash loop", false, "", "", "");

        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.PENDING);
        assertThat(result.message()).contains("health Degraded (crash loop)");
    }

    @Test
    void shouldNotFailOnAFailedSyncOfAnOlderRevision() throws ArgoCdException {
        argoCd.state = new ApplicationState("OutOfSync", OLD, "Healthy", "", false, "Failed", "boom", OLD);

        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.PENDING);
    }

    @Test
    void shouldFailOnAFailedSyncOfTheRevision() throws ArgoCdException {
        argoCd.state = new ApplicationState("OutOfSync", OLD, "Healthy", "", false, "Error", "hook failed", NEW);

        WaitResult result = waiter.poll();

        assertThat(result.phase()).isEqualTo(WaitResult.Phase.FAILED);
        assertThat(result.message()).isEqualTo("sync of checkout-prod to 222222222222 Error: hook failed");
    }

    @Test
    void shouldTimeOutAtTheDeadlineAndNotBefore() throws ArgoCdException {
        argoCd.state = new ApplicationState("OutOfSync", OLD, "Healthy", "", true, "", "", "");

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(waiter.poll().phase()).isEqualTo(WaitResult.Phase.PENDING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(waiter.poll().message()).startsWith("timed out after PT5M");
        assertThat(argoCd.calls).containsOnly("get checkout-prod");
    }

    /** Answers every get with the state the test set. */
    private static final class ScriptedApplications implements ArgoCdApplications {
        ApplicationState state;
        final List<String> calls = new ArrayList<>();

        @Override
        public ApplicationState get(String application) {
            calls.add("get " + application);
            return state;
        }

        @Override
        public void refresh(String application, boolean hard) {
            calls.add("refresh " + application + " " + hard);
        }

        @Override
        public void sync(String application, String revision) {
            calls.add("sync " + application + " " + revision);
        }
    }
}
