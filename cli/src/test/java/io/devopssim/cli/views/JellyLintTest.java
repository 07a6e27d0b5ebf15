package io.devopssim.cli.views;

import io.devopssim.cli.views.fixture.BadgeAction;
import io.devopssim.cli.views.fixture.GoodStep;
import io.devopssim.cli.views.fixture.Outer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint on a small views folder made for it, with fixture classes: it passes good views and finds every fault. */
class JellyLintTest {
    private static final String ESCAPE = JellyLint.ESCAPE_BY_DEFAULT + "\n";
    private static final String STEP_DIR = "fix/io/devopssim/cli/views/fixture/GoodStep/";
    private static final String INNER_DIR = "fix/io/devopssim/cli/views/fixture/Outer/Inner/";
    private static final List<Class<?>> BINDINGS = List.of(GoodStep.class, Outer.Inner.class, BadgeAction.class);

    @TempDir
    Path repo;
    private Path views;

    private void write(String path, String text) throws IOException {
        Path f = views.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static String config(String... fields) {
        StringBuilder b = new StringBuilder(ESCAPE + "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">\n");
        for (String field : fields) {
            b.append("  <f:entry title=\"").append(field).append("\" field=\"").append(field).append("\"><f:textbox/></f:entry>\n");
        }
        return b.append("</j:jelly>\n").toString();
    }

    @BeforeEach
    void goodViews() throws IOException {
        views = repo.resolve("jelly-views");
        write("fix/index.jelly", ESCAPE + "<div>Fixture plugin.</div>\n");
        write(STEP_DIR + "config.jelly", config("app", "dryRun"));
        write(STEP_DIR + "help.html", "<div>Runs nothing.</div>");
        write(STEP_DIR + "help-app.html", "<div>The app.</div>");
        write(STEP_DIR + "help-dryRun.html", "<div>Only pretend.</div>");
        write(INNER_DIR + "config.jelly", config("colour"));
        write(INNER_DIR + "help-colour.html", "<div>A colour.</div>");
        write("fix/io/devopssim/cli/views/fixture/BadgeAction/badge.jelly", ESCAPE + "<span>badge</span>\n");
        write("src/main/resources/lib/tags/taglib", "");
        write("src/main/resources/lib/tags/thing.jelly", ESCAPE + "<j:jelly xmlns:j=\"jelly:core\"/>\n");
    }

    private List<String> lint() throws IOException {
        return new JellyLint(repo, views, getClass().getClassLoader(), BINDINGS, false).problems();
    }

    @Test
    void goodViewsPass() throws IOException {
        assertThat(lint()).isEmpty();
    }

    @Test
    void everyFaultIsReportedAtOnceWithItsFile() throws IOException {
        write(STEP_DIR + "config.jelly", config("app", "dryRnu"));
        Files.delete(views.resolve(STEP_DIR + "help.html"));
        write(STEP_DIR + "help-oldName.html", "<div>Gone.</div>");
        Files.delete(views.resolve(INNER_DIR + "help-colour.html"));
        write(INNER_DIR + "summary.jelly", "<div>no escape line</div>\n");
        write("fix/io/devopssim/cli/views/fixture/Gone/config.jelly", config("x"));
        write("fix/notes.txt", "stray");
        Files.delete(views.resolve("fix/io/devopssim/cli/views/fixture/BadgeAction/badge.jelly"));
        write("src/main/resources/lib/untagged/tag.jelly", ESCAPE + "<j:jelly xmlns:j=\"jelly:core\"><f:entry/></j:jelly>\n");

        List<String> problems = lint();

        assertThat(problems).containsExactlyInAnyOrder(
                "jelly-views/" + STEP_DIR + "config.jelly: field=\"dryRnu\" is neither a @DataBoundConstructor parameter nor a"
                        + " @DataBoundSetter of io.devopssim.cli.views.fixture.GoodStep (it has: app, dryRun)",
                "jelly-views/" + STEP_DIR + "config.jelly: has no entry with field=\"dryRun\", a data-bound property of"
                        + " io.devopssim.cli.views.fixture.GoodStep",
                "jelly-views/" + STEP_DIR + "help-oldName.html: documents oldName, which is not a data-bound property of"
                        + " io.devopssim.cli.views.fixture.GoodStep",
                "jelly-views/" + STEP_DIR + "help.html: missing for io.devopssim.cli.views.fixture.GoodStep: every Pipeline step needs it",
                "jelly-views/" + INNER_DIR + "help-colour.html: missing: the help of Inner's data-bound property colour",
                "jelly-views/" + INNER_DIR + "summary.jelly: does not start with <?jelly escape-by-default='true'?>"
                        + " (expressions would not be HTML-escaped)",
                "jelly-views/fix/io/devopssim/cli/views/fixture/Gone/config.jelly: is not in the directory of any class"
                        + " (io.devopssim.cli.views.fixture.Gone, with '$' for nested classes, was not found; is its plugin"
                        + " module a dependency of cli?)",
                "jelly-views/fix/notes.txt: is at the root of the views folder, where only the plugin's index.jelly belongs",
                // its only view gone, and no plugin jar to tell its folder by: the message says where, up to the folder
                "jelly-views/<plugin folder>/io/devopssim/cli/views/fixture/BadgeAction/badge.jelly: missing for"
                        + " io.devopssim.cli.views.fixture.BadgeAction: Jenkins' build history includes it for every badge"
                        + " action, and breaks without it",
                "jelly-views/src/main/resources/lib/untagged/taglib: missing: Stapler treats a namespace as a tag library only"
                        + " when this file exists",
                "jelly-views/src/main/resources/lib/untagged/tag.jelly: is not well-formed XML: line 2: The prefix \"f\" for"
                        + " element \"f:entry\" is not bound.");
    }

    @Test
    void aMalformedViewAndAPluginWithoutDescriptionAreReported() throws IOException {
        write(STEP_DIR + "config.jelly", ESCAPE + "<j:jelly xmlns:j=\"jelly:core\"><div></j:jelly>\n");
        Files.delete(views.resolve("fix/index.jelly"));

        List<String> problems = lint();

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("jelly-views/" + STEP_DIR + "config.jelly: is not well-formed XML: line 2"));
        assertThat(problems).contains("jelly-views/fix/index.jelly: missing: the plugin's description (Jenkins shows it;"
                + " maven-hpi-plugin requires it)");
    }

    @Test
    void aStepWithoutAnyViewIsToldWhereItsViewsBelong() throws IOException {
        Files.walk(views.resolve(STEP_DIR)).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

        assertThat(lint()).containsExactly(
                "jelly-views/<plugin folder>/io/devopssim/cli/views/fixture/GoodStep/config.jelly: missing for"
                        + " io.devopssim.cli.views.fixture.GoodStep: every Pipeline step needs it",
                "jelly-views/<plugin folder>/io/devopssim/cli/views/fixture/GoodStep/help.html: missing for"
                        + " io.devopssim.cli.views.fixture.GoodStep: every Pipeline step needs it");
    }

    @Test
    void aViewMustBePackagedWithItsClass() throws IOException {
        // the fixture classes come from test-classes, which holds none of these views: as if they sat in another plugin
        List<String> problems = new JellyLint(repo, views, getClass().getClassLoader(), BINDINGS, true).problems();

        assertThat(problems).contains("jelly-views/" + STEP_DIR + "config.jelly: is not packaged with"
                + " io.devopssim.cli.views.fixture.GoodStep (in test-classes): it is in the views folder of another plugin,"
                + " or that plugin was not rebuilt");
    }
}
