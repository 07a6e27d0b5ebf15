package io.devopssim.multicloud.jenkins;

import hudson.AbortException;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.multicloud.Cluster;
import io.devopssim.multicloud.ClusterClients;
import io.devopssim.multicloud.ClusterHealth;
import io.devopssim.multicloud.ClusterHealthCheck;
import io.devopssim.multicloud.ClusterRegistry;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Asynchronous: the checks (each bounded by the client's request timeout) run on the runtime's pool, not on the
 * Pipeline's thread. They only read, so after a controller restart {@link #onResume()} simply runs them again.
 */
public final class ClusterStatusExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final String LOG_PREFIX = "[clusterStatus] ";

    private final List<String> names;
    private final boolean failIfUnhealthy;

    private transient WaveRuntime runtime;
    private transient Future<?> running;
    private transient ClusterClients clients;

    ClusterStatusExecution(StepContext context, List<String> names, boolean failIfUnhealthy) {
        super(context);
        this.names = List.copyOf(names);
        this.failIfUnhealthy = failIfUnhealthy;
    }

    /** For tests: run against a given runtime instead of the controller's. */
    ClusterStatusExecution(StepContext context, List<String> names, boolean failIfUnhealthy, WaveRuntime runtime) {
        this(context, names, failIfUnhealthy);
        this.runtime = runtime;
    }

    @Override
    public boolean start() throws Exception {
        List<Cluster> clusters = select(); // unknown names and a broken registry fail here, before any request
        clients = runtime().clients(runtime().credentials().clusters(getContext()));
        ClusterHealthCheck health = runtime().health(clients);
        running = runtime().checks().submit(() -> check(clusters, health));
        return false;
    }

    @Override
    public void onResume() {
        try {
            start();
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public void stop(Throwable cause) {
        Future<?> f = running;
        if (f != null) {
            f.cancel(true);
        }
        close();
        getContext().onFailure(cause);
    }

    private void check(List<Cluster> clusters, ClusterHealthCheck health) {
        try {
            List<Map<String, Object>> results = new ArrayList<>();
            List<String> unhealthy = new ArrayList<>();
            for (Cluster c : clusters) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // stopped: stop() completed the step
                }
                ClusterHealth h = health.check(c);
                log(c.describe() + ": " + h.status() + " " + h.message());
                results.add(result(c, h));
                if (!h.healthy()) {
                    unhealthy.add(c.name() + " " + h.status());
                }
            }
            if (failIfUnhealthy && !unhealthy.isEmpty()) {
                getContext().onFailure(new AbortException("clusterStatus: not healthy: " + String.join(", ", unhealthy)));
            } else {
                getContext().onSuccess(results);
            }
        } catch (RuntimeException e) {
            getContext().onFailure(e);
        } finally {
            close();
        }
    }

    /** What the Pipeline gets for one cluster: plain LinkedHashMaps and ArrayLists, which the CPS program can hold. */
    static Map<String, Object> result(Cluster c, ClusterHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", c.name());
        m.put("cloud", c.cloud().yamlName());
        m.put("region", c.region());
        m.put("status", h.status().name());
        m.put("healthy", h.healthy());
        m.put("nodesReady", h.nodesReady());
        m.put("nodes", h.nodes());
        List<Map<String, String>> apps = new ArrayList<>();
        for (ClusterHealth.ApplicationHealth a : h.applications()) {
            Map<String, String> app = new LinkedHashMap<>();
            app.put("name", a.name());
            app.put("sync", a.sync());
            app.put("health", a.health());
            apps.add(app);
        }
        m.put("applications", apps);
        m.put("message", h.message());
        return m;
    }

    private List<Cluster> select() throws Exception {
        ClusterRegistry registry;
        try {
            registry = runtime().registry();
        } catch (InvalidSpecException e) {
            throw new AbortException("clusterStatus: the cluster registry in the global configuration is invalid:\n" + e.getMessage());
        }
        if (names.isEmpty()) {
            if (registry.clusters().isEmpty()) {
                throw new AbortException("clusterStatus: the cluster registry is empty (Manage Jenkins > System)");
            }
            return registry.clusters();
        }
        List<String> unknown = names.stream().filter(n -> registry.find(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new AbortException("clusterStatus: not in the cluster registry: " + String.join(", ", unknown) + " (known: "
                    + (registry.clusters().isEmpty() ? "none" : String.join(", ", registry.names())) + ")");
        }
        return names.stream().map(n -> registry.find(n).orElseThrow()).toList();
    }

    private synchronized void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    private void log(String line) {
        try {
            TaskListener listener = getContext().get(TaskListener.class);
            listener.getLogger().println(LOG_PREFIX + line);
        } catch (Exception e) {
            // the build log is gone; the result still returns
        }
    }

    private WaveRuntime runtime() {
        if (runtime == null) {
            runtime = ExtensionList.lookupSingleton(ClusterStatusStep.DescriptorImpl.class).runtime();
        }
        return runtime;
    }
}
