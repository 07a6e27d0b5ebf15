package io.devopssim.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/**
 * The few stub bodies that do something (README: where a binding's unit test necessarily runs through them)
 * behave like the real ones; the rest throw rather than pretend.
 */
class StubBodiesTest {

    @Test
    void formValidationFactoriesKeepKindAndEscapeLikeUtilEscape() {
        FormValidation error = FormValidation.error("a <b> & 'c'  d");

        assertThat(error.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(error.getMessage()).isEqualTo("a &lt;b&gt; &amp; &#039;c&#039;&nbsp; d");
        assertThat(FormValidation.warning("w %d", 3).getMessage()).isEqualTo("w 3");
        assertThat(FormValidation.errorWithMarkup("<b>x</b>").renderHtml()).isEqualTo("<b>x</b>");
        assertThat(FormValidation.error((String) null)).isSameAs(FormValidation.ok());
        assertThat(FormValidation.ok().kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void aggregateTakesTheWorstKind() {
        FormValidation all = FormValidation.aggregate(List.of(FormValidation.ok("fine"), FormValidation.warning("hm"),
                FormValidation.ok()));

        assertThat(all.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(all.renderHtml()).contains("<li>hm</li>", "<li>fine</li>");
    }

    @Test
    void listBoxModelAddsOptions() {
        ListBoxModel model = new ListBoxModel();
        model.add("Name", "value");
        model.add("same");

        assertThat(model).extracting(o -> o.name + "=" + o.value).containsExactly("Name=value", "same=same");
    }

    @Test
    void secretKeepsAPlainValueButNeverPrintsIt() {
        Secret secret = Secret.fromString("s3cr3t");

        assertThat(secret.getPlainText()).isEqualTo("s3cr3t");
        assertThat(secret).isEqualTo(Secret.fromString("s3cr3t"));
        assertThat(secret.toString()).doesNotContain("s3cr3t");
        assertThat(Secret.toString(null)).isEmpty();
        assertThatThrownBy(() -> Secret.fromString("{AQAAABAAAAAQ}")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void permissionConstantsAreDistinctObjects() {
        assertThat(List.of(Item.READ, Item.BUILD, Item.CONFIGURE, Item.CANCEL, Item.DELETE, Run.DELETE, Jenkins.ADMINISTER))
                .doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThat(Item.CONFIGURE.name).isEqualTo("Configure");
        assertThat(Item.CONFIGURE).hasToString("Permission[null,Configure]");
    }

    @Test
    void aGlobalConfigurationDescribesItself() {
        SampleConfiguration config = new SampleConfiguration();

        assertThat(config.getDescriptor()).isSameAs(config);
        assertThat(config.clazz).isEqualTo(SampleConfiguration.class);
        assertThat(config.getId()).isEqualTo(SampleConfiguration.class.getName());
        assertThatThrownBy(config::load).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void whatNeedsARunningJenkinsThrows() {
        assertThatThrownBy(Jenkins::get).isInstanceOf(UnsupportedOperationException.class);
    }

    static final class SampleConfiguration extends GlobalConfiguration {
    }
}
