package dev.switchboard.telephony;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of ARCHITECTURE.md from telephony's side: telephony builds on core, sip and media only, and
 * core knows nothing of the layers that run it on real calls.
 */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule telephonyUsesNeitherApiNorStoreNorServer = noClasses()
            .that().resideInAPackage("dev.switchboard.telephony..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.switchboard.api..", "dev.switchboard.store..", "dev.switchboard.server..");

    @ArchTest
    static final ArchRule coreKnowsNoTransportNorMedia = noClasses()
            .that().resideInAPackage("dev.switchboard.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.switchboard.sip..", "dev.switchboard.media..", "dev.switchboard.telephony..");
}
