package io.devopssim.core.hpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every check of HpiInspector passes on a well-formed plugin archive and reports each kind of defect. */
class HpiInspectorTest {

    private static final JenkinsBaseline BASELINE = new JenkinsBaseline("2.479.3",
            Map.of("workflow-step-api", "706.v518c5dcb_24c0", "structs", "353.v261ea_40a_80fb_"));

    @TempDir
    Path work;

    private HpiFixture fixture;
    private Class<? extends Annotation> ext;
    private Class<? extends Annotation> sym;

    @BeforeEach
    void compileDemoPlugin() throws Exception {
        fixture = new HpiFixture(work);
        ext = loadAnnotation("demo.Ext");
        sym = loadAnnotation("demo.Sym");
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Annotation> loadAnnotation(String name) throws Exception {
        // The annotation class is only needed for its name: sezpoz reads META-INF/annotations/<name>.
        Path classes = fixture.compile();
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                HpiInspectorTest.class.getClassLoader());
        return (Class<? extends Annotation>) loader.loadClass(name);
    }

    @Test
    @DisplayName("a well-formed plugin archive has no problem of any kind")
    void wellFormedArchivePasses() throws Exception {
        try (HpiInspector hpi = HpiInspector.open(fixture.build("good"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.manifestProblems(BASELINE)).isEmpty();
            assertThat(hpi.libraryProblems()).isEmpty();
            assertThat(hpi.indexProblems(ext)).isEmpty();
            assertThat(hpi.viewProblems()).isEmpty();
            assertThat(hpi.symbolIndexProblems(sym)).isEmpty();
            assertThat(hpi.indexedClasses(ext)).containsExactlyInAnyOrder("demo.Thing$DescriptorImpl", "demo.Other");
        }
    }

    @Test
    @DisplayName("loadProblems gathers every check: a well-formed archive has none, a bundled Jenkins jar is one")
    void loadProblemsGathersEveryCheck() throws Exception {
        try (HpiInspector hpi = HpiInspector.open(fixture.build("load-good"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.loadProblems(BASELINE, ext, sym)).isEmpty();
        }
        fixture.libraries.add("guava-33.3.0-jre.jar");
        fixture.manifest.remove("Long-Name");
        try (HpiInspector hpi = HpiInspector.open(fixture.build("load-bad"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.loadProblems(BASELINE, ext, sym)).hasSize(2).contains("manifest lacks Long-Name")
                    .anyMatch(p -> p.startsWith("WEB-INF/lib/guava-33.3.0-jre.jar"));
        }
    }

    @Test
    @DisplayName("a dependency on our own plugin must be declared at this version, and nothing it provides bundled")
    void pluginDependencyProblemsAreReported() throws Exception {
        fixture.manifest.put("Plugin-Dependencies", "workflow-step-api:706.v518c5dcb_24c0,devsim-deploy:1.0");
        try (HpiInspector hpi = HpiInspector.open(fixture.build("dep-good"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.pluginDependencyProblems("devsim-deploy", "1.0", List.of("devsim-core"), List.of("io/devopssim/")))
                    .isEmpty();
            assertThat(hpi.dependencyNames()).containsExactly("workflow-step-api", "devsim-deploy");
        }
        fixture.manifest.put("Plugin-Dependencies", "workflow-step-api:706.v518c5dcb_24c0,devsim-deploy:0.9");
        fixture.libraries.add("devsim-core-1.0.jar");
        try (HpiInspector hpi = HpiInspector.open(fixture.build("dep-bad"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.pluginDependencyProblems("devsim-deploy", "1.0", List.of("devsim-core"), List.of("demo/Other")))
                    .hasSize(3) // the version, the jar, demo/Other.class
                    .anyMatch(p -> p.contains("does not declare devsim-deploy:1.0"))
                    .anyMatch(p -> p.startsWith("WEB-INF/lib/devsim-core-1.0.jar is provided by devsim-deploy"))
                    .anyMatch(p -> p.startsWith("demo/Other.class belongs to another module"));
        }
    }

    @Test
    @DisplayName("missing attributes, another baseline, old or unknown dependencies and a differing jar manifest are reported")
    void manifestDefectsAreReported() throws Exception {
        fixture.manifest.remove("Long-Name");
        fixture.manifest.put("Jenkins-Version", "2.440.3");
        fixture.manifest.put("Plugin-Dependencies", "workflow-step-api:700.v0000,structs:353.v261ea_40a_80fb_,"
                + "credentials:1453.v9b_a_29777a_b_fd;resolution:=optional");
        fixture.jarManifestOverrides.put("Plugin-Version", "0.9");

        try (HpiInspector hpi = HpiInspector.open(fixture.build("manifest"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.manifestProblems(BASELINE)).containsExactlyInAnyOrder(
                    "manifest lacks Long-Name",
                    "manifest Jenkins-Version is 2.440.3, expected 2.479.3",
                    "Plugin-Dependencies requires workflow-step-api:700.v0000, not at least the minimum 706.v518c5dcb_24c0 of versions.txt",
                    "Plugin-Dependencies names credentials, which versions.txt gives no minimum version for",
                    "WEB-INF/lib/demo-plugin.jar manifest has Plugin-Version=0.9, the .hpi has 1.0"
                            + " (the jar needs the plugin manifest for Jenkins' class filter)");
        }
    }

    @Test
    @DisplayName("jars that Jenkins provides, and our compile-only API, must not be bundled")
    void bundledJenkinsLibrariesAreReported() throws Exception {
        fixture.libraries.addAll(List.of("jenkins-api-0.1.0-SNAPSHOT.jar", "guava-33.3.0-jre.jar", "sezpoz-1.13.jar",
                "spotbugs-annotations-4.8.6.jar", "slf4j-api-2.0.18.jar", "jakarta.servlet-api-6.0.0.jar"));

        try (HpiInspector hpi = HpiInspector.open(fixture.build("libs"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.libraryProblems()).hasSize(6)
                    .allMatch(p -> p.contains("Jenkins provides it"))
                    .anyMatch(p -> p.startsWith("WEB-INF/lib/jenkins-api-0.1.0-SNAPSHOT.jar"))
                    .noneMatch(p -> p.contains("commons-demo"));
        }
    }

    @Test
    @DisplayName("an archive without its plugin jar is reported")
    void missingPluginJarIsReported() throws Exception {
        fixture.includePluginJar = false;

        try (HpiInspector hpi = HpiInspector.open(fixture.build("nojar"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.libraryProblems()).containsExactly("the .hpi has no WEB-INF/lib/demo-plugin.jar");
            assertThat(hpi.indexProblems(ext)).singleElement().asString().contains("has no META-INF/annotations/demo.Ext");
        }
    }

    @Test
    @DisplayName("an indexed class missing from the plugin jar is reported")
    void indexNamingAMissingClassIsReported() throws Exception {
        fixture.droppedClasses.add("demo/Other.class");

        try (HpiInspector hpi = HpiInspector.open(fixture.build("index"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.indexProblems(ext))
                    .containsExactly("META-INF/annotations/demo.Ext names demo.Other, which is not in the plugin jar");
        }
    }

    @Test
    @DisplayName("a plugin jar without the sezpoz index is reported")
    void missingIndexIsReported() throws Exception {
        fixture.droppedClasses.add("META-INF/annotations/demo.Ext");

        try (HpiInspector hpi = HpiInspector.open(fixture.build("noindex"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.indexProblems(ext)).singleElement().asString()
                    .startsWith("the plugin jar has no META-INF/annotations/demo.Ext");
        }
    }

    @Test
    @DisplayName("an annotated class missing from the @Symbol-style index, and a stale entry, are reported")
    void symbolIndexDefectsAreReported() throws Exception {
        fixture.resources.put("META-INF/services/annotations/demo.Sym", "demo.Thing\n");

        try (HpiInspector hpi = HpiInspector.open(fixture.build("symbols"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.symbolIndexProblems(sym)).containsExactlyInAnyOrder(
                    "demo.Other has @demo.Sym but META-INF/services/annotations/demo.Sym does not list it"
                            + " (was the devsim-symbol-index processor on the compile class path?)",
                    "META-INF/services/annotations/demo.Sym names demo.Thing, which is not an annotated class of the plugin jar");
        }
    }

    @Test
    @DisplayName("a plugin with no annotated class needs no @Symbol-style index")
    void noIndexNeededWithoutAnnotatedClass() throws Exception {
        fixture.resources.remove("META-INF/services/annotations/demo.Sym");
        fixture.droppedClasses.add("demo/Other.class");

        try (HpiInspector hpi = HpiInspector.open(fixture.build("nosymbols"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.symbolIndexProblems(sym)).isEmpty();
        }
    }

    @Test
    @DisplayName("views away from any class, and a missing plugin description, are reported")
    void misplacedViewsAreReported() throws Exception {
        fixture.resources.remove("index.jelly");
        fixture.resources.put("demo/Thing/DescriptorImpl/help-ordinal.html", "<div>ok: nested class</div>");
        fixture.resources.put("demo/Thng/config.jelly", "<?jelly escape-by-default='true'?><div/>");
        fixture.resources.put("demo/Thing/Missing/badge.jelly", "<?jelly escape-by-default='true'?><div/>");

        try (HpiInspector hpi = HpiInspector.open(fixture.build("views"), HpiFixture.SHORT_NAME)) {
            assertThat(hpi.viewProblems()).containsExactlyInAnyOrder(
                    "the plugin jar has no root index.jelly (the plugin description; maven-hpi-plugin requires it)",
                    "demo/Thng/config.jelly is not in the directory of any class in the plugin jar, so Stapler never finds it",
                    "demo/Thing/Missing/badge.jelly is not in the directory of any class in the plugin jar, so Stapler never finds it");
        }
    }

    @Test
    @DisplayName("opening a file that was not built fails with a clear message")
    void missingArchiveFailsClearly() {
        assertThatThrownBy(() -> HpiInspector.open(work.resolve("absent.hpi"), "x"))
                .hasMessageContaining("absent.hpi does not exist");
    }
}
