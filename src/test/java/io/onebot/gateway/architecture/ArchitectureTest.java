package io.onebot.gateway.architecture;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.onebot.gateway.config.ClientEntry;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.network.auth.AccessTokens;
import io.onebot.gateway.network.auth.HandshakePolicy;
import java.security.MessageDigest;
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

    @Test
    void configuredTokensAreComparedInOnePlace() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".config..")
                .and().doNotBelongToAnyOf(HandshakePolicy.class)
                .should().accessTargetWhere(target(declaredIn(ServerEntry.class).and(name("token"))))
                .because("a forward entry's token is handed only to AccessTokens, the one constant-time comparison")
                .check(classes);
        noClasses().that().doNotBelongToAnyOf(AccessTokens.class)
                .should().accessTargetWhere(target(declaredIn(MessageDigest.class).and(name("isEqual"))))
                .check(classes);
        noClasses().that().resideOutsideOfPackages(ROOT + ".config..", ROOT + ".network.client..")
                .should().accessTargetWhere(target(declaredIn(ClientEntry.class).and(name("token"))))
                .because("a reverse entry's token is only ever sent, by the reverse connection")
                .check(classes);
    }
}
