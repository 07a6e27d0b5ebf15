package io.devopssim.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the waiter needs of an Argo CD {@code Application}, read from the same JSON whichever transport
 * fetched it: the custom resource through the Kubernetes API and the REST API's
 * {@code v1alpha1Application} have one shape.
 *
 * @param syncStatus        {@code status.sync.status}: Synced, OutOfSync or Unknown ("" when absent)
 * @param syncRevision      {@code status.sync.revision}: the revision the comparison was made against
 * @param healthStatus      {@code status.health.status}: Healthy, Progressing, Degraded, Suspended, Missing, Unknown
 * @param healthMessage     {@code status.health.message}
 * @param operationPending  whether the top-level {@code .operation} is set: a sync was requested and the
 *                          controller has not finished it
 * @param operationPhase    {@code status.operationState.phase}: Running, Terminating, Failed, Error, Succeeded
 * @param operationMessage  {@code status.operationState.message}
 * @param operationRevision {@code status.operationState.syncResult.revision}: what the last sync applied
 */
public record ApplicationState(String syncStatus, String syncRevision, String healthStatus, String healthMessage,
        boolean operationPending, String operationPhase, String operationMessage, String operationRevision) {

    /** Reads an Application as JSON; absent fields become "" so that nothing here is null. */
    public static ApplicationState fromJson(JsonNode application) {
        JsonNode status = application.path("status");
        JsonNode operationState = status.path("operationState");
        JsonNode operation = application.path("operation");
        return new ApplicationState(
                text(status.path("sync").path("status")),
                text(status.path("sync").path("revision")),
                text(status.path("health").path("status")),
                text(status.path("health").path("message")),
                !operation.isMissingNode() && !operation.isNull(),
                text(operationState.path("phase")),
                text(operationState.path("message")),
                text(operationState.path("syncResult").path("revision")));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : "";
    }

    /** Git revisions compare without case; Argo CD reports the full SHA it resolved. */
    static boolean sameRevision(String a, String b) {
        return !a.isEmpty() && a.equalsIgnoreCase(b);
    }

    /** The failed sync's message, when the last operation failed. */
    Optional<String> failedOperation() {
        return "Failed".equals(operationPhase) || "Error".equals(operationPhase)
                ? Optional.of(operationPhase + (operationMessage.isEmpty() ? "" : ": " + operationMessage))
                : Optional.empty();
    }

    /** One line for logs and timeout messages. */
    public String summary() {
        return "sync " + orUnknown(syncStatus) + " at " + shortRevision(syncRevision)
                + ", health " + orUnknown(healthStatus) + (healthMessage.isEmpty() ? "" : " (" + healthMessage + ")")
                + ", operation " + (operationPending ? "requested" : "none")
                + (operationPhase.isEmpty() ? "" : ", last operation " + operationPhase
                        + " at " + shortRevision(operationRevision));
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : value;
    }

    static String shortRevision(String revision) {
        return revision.isEmpty() ? "no revision" : revision.substring(0, Math.min(12, revision.length()));
    }
}
