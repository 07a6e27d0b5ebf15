package io.devopssim.deploy.routing;

import io.devopssim.core.traffic.TrafficRoutingException;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blue-green cut-over: the Service's selector names the active colour through one label
 * ({@code colour: blue}); switching rewrites that one label in a single request, so every endpoint of
 * the Service moves at once and no request ever sees a mix of both colours' selector.
 *
 * <p>The write is a JSON merge patch of {@code spec.selector.<label>}: the other selector keys (for
 * example {@code app}) stay, and merge patch is a kind that both a real API server and fabric8's CRUD
 * mock accept.
 */
public final class ServiceSelectorSwitch {

    /** A Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    private final KubernetesClient client;
    private final ResourceRef service;
    private final String colourLabel;

    public ServiceSelectorSwitch(KubernetesClient client, String namespace, String serviceName, String colourLabel) {
        this.client = Objects.requireNonNull(client, "client");
        this.service = new ResourceRef("Service", namespace, serviceName);
        if (colourLabel == null || colourLabel.isBlank() || colourLabel.contains("\"")) {
            throw new IllegalArgumentException("colour label must be a label key, was " + colourLabel);
        }
        this.colourLabel = colourLabel;
    }

    /** Points the Service at {@code colour}; does nothing when it already points there. */
    public void activate(String colour) throws TrafficRoutingException {
        if (colour == null || !LABEL_VALUE.matcher(colour).matches()) {
            throw new IllegalArgumentException("colour must be a label value, was " + colour);
        }
        if (activeColour().filter(colour::equals).isPresent()) {
            return;
        }
        String patch = "{\"spec\":{\"selector\":{\"" + colourLabel + "\":\"" + colour + "\"}}}";
        KubernetesCalls.call(service, "switch the selector of", () -> client.services()
                .inNamespace(service.namespace()).withName(service.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    /** The colour the Service selects now, or empty when its selector has no colour label. */
    public Optional<String> activeColour() throws TrafficRoutingException {
        Service current = KubernetesCalls.call(service, "read",
                () -> client.services().inNamespace(service.namespace()).withName(service.name()).get());
        if (current == null) {
            throw KubernetesCalls.notFound(service);
        }
        Map<String, String> selector = current.getSpec() == null ? null : current.getSpec().getSelector();
        return Optional.ofNullable(selector == null ? null : selector.get(colourLabel));
    }
}
