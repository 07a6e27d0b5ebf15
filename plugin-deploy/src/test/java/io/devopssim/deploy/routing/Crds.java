package io.devopssim.deploy.routing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Registers CRDs in fabric8's CRUD mock, so that custom resources get the API server's paths and, with
 * a status subresource declared, its status semantics (only /status writes change .status).
 */
public final class Crds {

    private Crds() {
    }

    /** Where shared/ sits (surefire passes devsim.shared.dir; from an IDE, beside the checkout). */
    public static Path shared(String relative) {
        String dir = System.getProperty("devsim.shared.dir", "../../shared");
        return Path.of(dir).resolve(relative);
    }

    /** Registers an official CRD file from shared/, as a cluster would have it installed. */
    public static void register(KubernetesClient client, String sharedPath) {
        try (InputStream in = Files.newInputStream(shared(sharedPath))) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            crd.getMetadata().setResourceVersion(null);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A minimal HTTPRoute CRD (gateway.networking.k8s.io/v1) with an open schema: enough for the mock to
     * serve the resource at its real path; the Gateway API's own schema is not what is under test.
     */
    public static void registerHttpRoute(KubernetesClient client) {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("httproutes.gateway.networking.k8s.io").endMetadata()
                .withNewSpec()
                .withGroup("gateway.networking.k8s.io")
                .withScope("Namespaced")
                .withNewNames().withKind("HTTPRoute").withListKind("HTTPRouteList").withPlural("httproutes")
                .withSingular("httproute").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema()
                .withNewSubresources().withNewStatus().endStatus().endSubresources()
                .endVersion()
                .endSpec()
                .build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
    }
}
