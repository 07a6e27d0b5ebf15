package io.devopssim.chaos.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The chaosExperiment step's form: its drop-downs, what they list for whom, and that Stapler takes them only by POST. */
class ChaosStepFormTest {
    private final List<String> asked = new ArrayList<>();
    private final List<List<Class<? extends StandardCredentials>>> listedKinds = new ArrayList<>();
    private final ChaosExperimentStep.DescriptorImpl descriptor = new ChaosExperimentStep.DescriptorImpl();

    /** Permits or refuses; lists one made-up id per kind asked for, after an empty choice, then the current value. */
    private void access(boolean permitted) {
        descriptor.useForTest(new StepFormAccess() {
            @Override
            public boolean mayListCredentials(Item item) {
                asked.add(item == null ? "root" : "item");
                return permitted;
            }

            @Override
            public ListBoxModel credentials(Item item, List<Class<? extends StandardCredentials>> kinds, String current) {
                listedKinds.add(kinds);
                ListBoxModel m = new ListBoxModel();
                m.add("", "");
                kinds.forEach(k -> m.add(k.getSimpleName(), "id-of-" + k.getSimpleName()));
                if (current != null) {
                    m.add(current, current);
                }
                return m;
            }
        });
    }

    private static List<String> values(ListBoxModel m) {
        return m.stream().map(o -> o.value).toList();
    }

    @Test
    void shouldOfferTheBackendsWithTheSpecsChoiceFirst() {
        assertThat(values(descriptor.doFillBackendItems())).containsExactly("", "simulator", "kubernetes", "gremlin");
    }

    @Test
    @DisplayName("the credentials offered are those the chosen backend can use")
    void shouldListTheCredentialKindsOfTheChosenBackend() {
        access(true);

        assertThat(values(descriptor.doFillCredentialsIdItems(null, "kubernetes", "k8s-token")))
                .containsExactly("", "id-of-StringCredentials", "k8s-token");
        assertThat(values(descriptor.doFillCredentialsIdItems(null, "gremlin", null)))
                .containsExactly("", "id-of-StringCredentials", "id-of-StandardUsernamePasswordCredentials");
        assertThat(values(descriptor.doFillCredentialsIdItems(null, "", null))).as("backend left to the spec").hasSize(3);
        assertThat(values(descriptor.doFillCredentialsIdItems(null, "simulator", "old"))).as("the simulator takes none")
                .containsExactly("", "old");
        assertThat(values(descriptor.doFillCaCredentialsIdItems(null, null)))
                .containsExactly("", "id-of-FileCredentials", "id-of-StringCredentials");
        assertThat(listedKinds).containsExactly(List.of(StringCredentials.class),
                List.of(StringCredentials.class, StandardUsernamePasswordCredentials.class),
                List.of(StringCredentials.class, StandardUsernamePasswordCredentials.class),
                List.of(FileCredentials.class, StringCredentials.class));
        assertThat(asked).as("the permission is checked before every list").hasSize(4);
    }

    @Test
    @DisplayName("a user who may not see the job's credentials gets the current value back and nothing listed")
    void shouldListNothingToAUserWithoutThePermission() {
        access(false);

        assertThat(values(descriptor.doFillCredentialsIdItems(null, "kubernetes", "k8s-token"))).containsExactly("", "k8s-token");
        assertThat(values(descriptor.doFillCaCredentialsIdItems(null, ""))).containsExactly("");
        assertThat(listedKinds).isEmpty();
        assertThat(asked).containsExactly("root", "root");
    }

    @Test
    @DisplayName("the form checks the text of the Prometheus, selector and CA fields as the step will")
    void shouldCheckFieldsAsTheStepWill() {
        assertThat(descriptor.doCheckPrometheusUrl("prometheus:9090").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckPrometheusUrl("http://prometheus:9090").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckPrometheusUrl("").kind).as("optional").isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckCanarySelector("app=checkout").getMessage()).startsWith("&quot;app=checkout&quot; is not PromQL");
        assertThat(descriptor.doCheckBaselineSelector("{}").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckBaselineSelector("{track=\"stable\"}").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckCaCertificate("not a pem").getMessage()).startsWith("is not a PEM certificate");
        assertThat(descriptor.doCheckCaCertificate(" ").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void shouldAnswerFormRequestsOnlyByPost() {
        List<Method> fills = Arrays.stream(ChaosExperimentStep.DescriptorImpl.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("doFill") || m.getName().startsWith("doCheck")).toList();

        assertThat(fills).extracting(Method::getName)
                .containsExactlyInAnyOrder("doFillBackendItems", "doFillCredentialsIdItems", "doFillCaCredentialsIdItems",
                        "doCheckPrometheusUrl", "doCheckCanarySelector", "doCheckBaselineSelector", "doCheckCaCertificate");
        assertThat(fills).allSatisfy(m -> assertThat(m.isAnnotationPresent(POST.class)).as(m.getName()).isTrue());
    }
}
