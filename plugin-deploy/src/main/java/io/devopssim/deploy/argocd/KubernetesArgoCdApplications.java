package io.devopssim.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Objects;

/**
 * Argo CD through the Kubernetes API only: reads the {@code Application} custom resource
 * (argoproj.io/v1alpha1) in Argo CD's namespace and writes what Argo CD's own API server would write
 * (shared/argocd/README.md): the refresh annotation, and a sync request as the top-level
 * {@code .operation}, which the application controller picks up.
 *
 * <p>Patch kinds are the ones a real API server and fabric8's CRUD mock both accept: JSON merge patch
 * to set fields, JSON Patch {@code remove} to delete one (a merge-patch {@code null} deletes on a real
 * server but is stored as null by the mock). The Application CRD has no status subresource, so
 * {@code .operation} and {@code status.operationState} go in the same request.
 */
public final class KubernetesArgoCdApplications implements ArgoCdApplications {

    static final String API_VERSION = "argoproj.io/v1alpha1";
    static final String KIND = "Application";
    static final String REFRESH_ANNOTATION = "argocd.argoproj.io/refresh";
    /** Recorded in {@code operation.initiatedBy.username}, shown by Argo CD's UI as who started the sync. */
    static final String INITIATED_BY = "devopssim";

    private final KubernetesClient client;
    private final String namespace;

    /** @param namespace where the Application objects live (usually {@code argocd}) */
    public KubernetesArgoCdApplications(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be blank");
        }
        this.namespace = namespace;
    }

    @Override
    public ApplicationState get(String application) throws ArgoCdException {
        return ApplicationState.fromJson(read(application));
    }

    @Override
    public void refresh(String application, boolean hard) throws ArgoCdException {
        String patch = "{\"metadata\":{\"annotations\":{\"" + REFRESH_ANNOTATION + "\":\""
                + (hard ? "hard" : "normal") + "\"}}}";
        call(application, "refresh", () -> resource(application).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    /**
     * Sets {@code .operation} to a sync of {@code revision}, as Argo CD's {@code SetAppOperation} does:
     * refused while another operation is requested, and guarded by the resourceVersion just read, so a
     * sync that the controller or another client started in between makes the write fail (409) instead
     * of replacing it. {@code status.operationState} is cleared in the same write (Kargo's workaround for
     * argo-cd issue #20875: the controller keeps a stale one when the API server is bypassed).
     */
    @Override
    public void sync(String application, String revision) throws ArgoCdException {
        JsonNode current = read(application);
        JsonNode pending = current.path("operation");
        if (!pending.isMissingNode() && !pending.isNull()) {
            throw new ArgoCdException("Application " + namespace + "/" + application
                    + ": another operation is already in progress");
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode patch = json.objectNode();
        patch.putObject("metadata").put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
        ObjectNode operation = patch.putObject("operation");
        operation.putObject("initiatedBy").put("username", INITIATED_BY);
        operation.putArray("info").addObject().put("name", "Reason").put("value", "promotion of " + revision);
        ObjectNode sync = operation.putObject("sync");
        sync.put("revision", revision);
        sync.putObject("syncStrategy").putObject("hook");
        patch.putObject("status").putNull("operationState");
        call(application, "request a sync of", () -> resource(application)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
    }

    /**
     * Withdraws a sync request the controller has not taken up (for example after a timeout), so that
     * the next promotion is not refused as "another operation is already in progress". A JSON Patch
     * {@code remove}, which deletes the field on a real API server and on the CRUD mock alike.
     */
    public void withdrawSync(String application) throws ArgoCdException {
        JsonNode pending = read(application).path("operation");
        if (pending.isMissingNode() || pending.isNull()) {
            return;
        }
        call(application, "withdraw the sync of", () -> resource(application)
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/operation\"}]"));
    }

    private JsonNode read(String application) throws ArgoCdException {
        GenericKubernetesResource resource = call(application, "read", () -> resource(application).get());
        if (resource == null) {
            throw new ArgoCdException("Application " + namespace + "/" + application + " not found");
        }
        return client.getKubernetesSerialization().convertValue(resource, JsonNode.class);
    }

    private Resource<GenericKubernetesResource> resource(String application) {
        return client.genericKubernetesResources(API_VERSION, KIND).inNamespace(namespace).withName(application);
    }

    private <T> T call(String application, String action, java.util.function.Supplier<T> call) throws ArgoCdException {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw new ArgoCdException("Could not " + action + " Application " + namespace + "/" + application
                    + " (HTTP " + e.getCode() + ")", e);
        }
    }
}
