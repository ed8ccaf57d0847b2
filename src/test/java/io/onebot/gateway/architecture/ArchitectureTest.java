package io.onebot.gateway.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the package layout: protocol, then codec, then config (which reads
 * NapCat's JSON5 files through codec), then the core
 * SPI, then action and event side by side, then the network layer, then bootstrap on top; no
 * cycles; and no shared state in static fields of the network layer.
 */
class ArchitectureTest {

    private static final String ROOT = "io.onebot.gateway";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("protocol").definedBy(ROOT + ".protocol..")
                .layer("codec").definedBy(ROOT + ".codec..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("core").definedBy(ROOT + ".core..")
                .layer("action").definedBy(ROOT + ".action..")
                .layer("event").definedBy(ROOT + ".event..")
                .layer("network").definedBy(ROOT + ".network..")
                .layer("bootstrap").definedBy(ROOT + ".bootstrap..")
                .whereLayer("bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("network").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("action").mayOnlyBeAccessedByLayers("network", "bootstrap")
                .whereLayer("event").mayOnlyBeAccessedByLayers("network", "bootstrap")
                .whereLayer("core").mayOnlyBeAccessedByLayers("action", "event", "network", "bootstrap")
                .whereLayer("codec").mayOnlyBeAccessedByLayers("config", "core", "action", "event", "network", "bootstrap")
                .whereLayer("config").mayOnlyBeAccessedByLayers("core", "action", "event", "network", "bootstrap")
                .check(classes);
    }

    @Test
    void protocolDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".protocol..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".protocol..", "java..", "jakarta.json..")
                .check(classes);
    }

    @Test
    void codecDoesNotKnowTheConfiguration() {
        noClasses().that().resideInAPackage(ROOT + ".codec..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".config..")
                .check(classes);
    }

    @Test
    void serverAndClientSidesOfTheNetworkAreIndependent() {
        noClasses().that().resideInAPackage(ROOT + ".network.server..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".network.client..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".network.client..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".network.server..")
                .allowEmptyShould(true) // the reverse-connection client does not exist yet
                .check(classes);
        noClasses().that().resideInAnyPackage(ROOT + ".network.auth..", ROOT + ".network.session..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".network.server..", ROOT + ".network.client..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreSpiDoesNotDependOnItsImplementations() {
        noClasses().that().resideInAPackage(ROOT + ".core")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".core.sandbox..")
                .check(classes);
    }
}
