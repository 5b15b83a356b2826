package dev.switchboard.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md: media depends on nothing of ours; it knows neither SIP nor callflows. */
class DependencyRuleTest {
    private final JavaClasses media = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.media");

    @Test
    void mediaUsesNoOtherModuleOfOurs() {
        noClasses().that().resideInAPackage("dev.switchboard.media..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.core..",
                        "dev.switchboard.store..", "dev.switchboard.api..", "dev.switchboard.server..",
                        "dev.switchboard.sip..", "dev.switchboard.telephony..")
                .check(media);
    }

    @Test
    void thePublicApiDoesNotLeakNetty() {
        noClasses().that().resideInAPackage("dev.switchboard.media")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(media);
    }
}
