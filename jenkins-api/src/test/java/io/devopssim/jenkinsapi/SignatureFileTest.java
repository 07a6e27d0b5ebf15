package io.devopssim.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parser reads the real signatures.txt completely and refuses lines it does not understand. */
class SignatureFileTest {

    @Test
    @DisplayName("the real file parses into types with their members, LATER lines and EXTERNAL types")
    void parsesTheRealFile() throws Exception {
        SignatureFile file = SignatureFile.load(SignatureConformanceTest.signaturesFile());

        assertThat(file.types()).hasSizeGreaterThan(100);
        TypeRecord context = file.type("org.jenkinsci.plugins.workflow.steps.StepContext").orElseThrow();
        assertThat(context.kind()).isEqualTo("class");
        assertThat(context.modifiers()).contains("public", "abstract");
        assertThat(context.interfaces()).containsExactly(
                "com.google.common.util.concurrent.FutureCallback<java.lang.Object>", "java.io.Serializable");
        assertThat(context.members()).extracting(MemberRecord::name)
                .contains("get", "onSuccess", "newBodyInvoker", "equals", "hashCode", MemberRecord.CONSTRUCTOR_NAME);
        MemberRecord get = context.members().stream().filter(m -> m.name().equals("get")).findFirst().orElseThrow();
        assertThat(get.descriptor()).isEqualTo("(Ljava/lang/Class;)Ljava/lang/Object;");
        assertThat(get.genericForm()).isEqualTo("<T> T get(java.lang.Class<T>) throws java.io.IOException,java.lang.InterruptedException");
        assertThat(file.type("hudson.model.Action").orElseThrow().later()).extracting(MemberRecord::name)
                .contains("getDescription");
        assertThat(file.type("hudson.model.Run").orElseThrow().scopeIsAll()).isFalse();
        assertThat(file.isExternal("com.google.common.util.concurrent.FutureCallback")).isTrue();
    }

    @Test
    @DisplayName("annotation element defaults and type parameters are read from the declaration")
    void readsDefaultsAndTypeParameters() throws Exception {
        SignatureFile file = SignatureFile.load(SignatureConformanceTest.signaturesFile());

        MemberRecord dynamicLoadable = file.type("hudson.Extension").orElseThrow().members().stream()
                .filter(m -> m.name().equals("dynamicLoadable")).findFirst().orElseThrow();
        assertThat(dynamicLoadable.kind()).isEqualTo("ELEMENT");
        assertThat(dynamicLoadable.defaultValue()).isEqualTo("jenkins.YesNoMaybe.MAYBE");
        assertThat(file.type("hudson.model.Run").orElseThrow().typeParameters())
                .isEqualTo("<JobTextendshudson.model.Job<JobT,RunT>,RunTextendshudson.model.Run<JobT,RunT>>");
    }

    @Test
    @DisplayName("an unknown record inside a TYPE block is an error naming its line")
    void rejectsUnknownRecords() {
        List<String> lines = List.of(
                "# comment",
                "TYPE\tx\tpublic class a.B",
                "TSCOPE\tall",
                "TANN\t-",
                "MEMBER\tpublic void c()\t()V\t-\t-",
                "END\ta.B");

        assertThatThrownBy(() -> SignatureFile.parse(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("unknown record MEMBER");
    }

    @Test
    @DisplayName("a TYPE block that is never closed is an error")
    void rejectsAnUnclosedBlock() {
        List<String> lines = List.of("TYPE\tx\tpublic class a.B", "TSCOPE\tall", "TANN\t-");

        assertThatThrownBy(() -> SignatureFile.parse(lines)).hasMessageContaining("ends inside a TYPE block");
    }
}
