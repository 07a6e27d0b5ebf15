package io.devopssim.multicloud.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import hudson.model.Item;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials a cluster may use, for the form's drop-down: Jenkins' global secret text (a token) and secret
 * file (PEM certificate and key) credentials, listed as the system. Behind an interface so that the form test
 * runs without Jenkins.
 */
@FunctionalInterface
public interface CredentialChoices {
    CredentialChoices JENKINS = current -> new StandardListBoxModel()
            .includeEmptyValue()
            // a null item is the root of Jenkins: global credentials, as the configuration is global
            .includeMatchingAs(ACL.SYSTEM2, (Item) null, StandardCredentials.class, java.util.List.of(),
                    CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StringCredentials.class),
                            CredentialsMatchers.instanceOf(FileCredentials.class)))
            .includeCurrentValue(current);

    ListBoxModel list(String currentValue);
}
