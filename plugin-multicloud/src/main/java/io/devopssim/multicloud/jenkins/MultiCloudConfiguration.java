package io.devopssim.multicloud.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.multicloud.ClusterRegistry;
import io.devopssim.multicloud.ClusterValidation;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster registry of the controller, in <em>Manage Jenkins &gt; System</em> and in Configuration-as-Code:
 * <pre>
 * unclassified:
 *   devsimMultiCloud:
 *     clusters:
 *       - name: do-ams3
 *         cloud: doks
 *         region: ams3
 *         apiEndpoint: https://1f2e.k8s.ondigitalocean.com
 *         authKind: token
 *         credentialsId: doks-ams3-token
 *         argoCdApplications: checkout
 *         envPath: clusters/do-ams3
 * </pre>
 * Binding only: the clusters are checked by {@link ClusterValidation} when a step reads the registry (every
 * problem at once), and field by field in the form by {@link ClusterConfig.DescriptorImpl}.
 */
@Extension
@Symbol("devsimMultiCloud")
public final class MultiCloudConfiguration extends GlobalConfiguration {
    private List<ClusterConfig> clusters = new ArrayList<>();
    /** False in tests: loading and saving need a running Jenkins. */
    private final transient boolean persistent;

    public MultiCloudConfiguration() {
        this(true);
    }

    MultiCloudConfiguration(boolean persistent) {
        this.persistent = persistent;
        if (persistent) {
            load();
        }
    }

    public static MultiCloudConfiguration get() {
        return ExtensionList.lookupSingleton(MultiCloudConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "DevOps Simulator: multi-cloud clusters";
    }

    public List<ClusterConfig> getClusters() {
        return List.copyOf(clusters);
    }

    @DataBoundSetter
    public void setClusters(List<ClusterConfig> clusters) {
        this.clusters = clusters == null ? new ArrayList<>() : new ArrayList<>(clusters);
        if (persistent) {
            save();
        }
    }

    /** The registry, or every problem of every cluster (with its position) as one exception. */
    public ClusterRegistry registry() throws InvalidSpecException {
        if (clusters.isEmpty()) {
            return ClusterRegistry.EMPTY;
        }
        return ClusterValidation.registry(clusters.stream().map(ClusterBinding::fields).toList(), "clusters");
    }
}
