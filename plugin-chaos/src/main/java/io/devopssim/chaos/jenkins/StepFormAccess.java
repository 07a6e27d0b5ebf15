package io.devopssim.chaos.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

import java.util.List;

/**
 * What the step's form asks of Jenkins: whether the current user may see which credentials a job can use, and those
 * credentials. Behind an interface because both need a running Jenkins ({@code Jenkins.get()}, the credentials
 * plugin); the form's unit test gives one that records what was asked.
 */
interface StepFormAccess {

    /**
     * As the credentials plugin's guide for consumers has it: on a job, who may read its configuration (Item
     * EXTENDED_READ; the plugin's USE_ITEM is not in our API stubs); with no job, administrators only.
     */
    StepFormAccess JENKINS = new StepFormAccess() {
        @Override
        public boolean mayListCredentials(Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.EXTENDED_READ);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ListBoxModel credentials(Item item, List<Class<? extends StandardCredentials>> kinds, String current) {
            CredentialsMatcher[] matchers = kinds.stream().map(CredentialsMatchers::instanceOf).toArray(CredentialsMatcher[]::new);
            // as the system, in the job's context: the credentials its builds find by id (JenkinsCredentialsLookup)
            return new StandardListBoxModel().includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(), CredentialsMatchers.anyOf(matchers))
                    .includeCurrentValue(current);
        }
    };

    boolean mayListCredentials(Item item);

    /** An empty choice, the credentials of these kinds usable in {@code item} (null: Jenkins' root), and the current value. */
    ListBoxModel credentials(Item item, List<Class<? extends StandardCredentials>> kinds, String current);
}
