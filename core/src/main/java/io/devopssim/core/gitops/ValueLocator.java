package io.devopssim.core.gitops;

/** Where, inside one manifest, the value a promotion changes lives. */
public sealed interface ValueLocator {

    /** Human-readable form for logs and errors. */
    String describe();

    /**
     * A path in plain YAML: keys separated by dots, list items by index, e.g.
     * {@code spec.template.spec.containers[0].image}. A key containing dots is quoted:
     * {@code metadata.annotations["argocd.argoproj.io/sync-wave"]}.
     */
    record YamlPath(String path) implements ValueLocator {
        @Override
        public String describe() {
            return "yaml " + path;
        }
    }

    /** The {@code newTag} of the entry of a Kustomize {@code images:} list whose {@code name} is {@code image}. */
    record KustomizeImage(String image) implements ValueLocator {
        @Override
        public String describe() {
            return "kustomize images[name=" + image + "].newTag";
        }
    }

    /** A key of a Helm values file, dotted as in {@code --set}: {@code image.tag}. */
    record HelmValue(String key) implements ValueLocator {
        @Override
        public String describe() {
            return "helm " + key;
        }
    }
}
