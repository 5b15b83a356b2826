package dev.switchboard.sip;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The sip module depends on nothing of ours: no callflows, accounts, documents, media or telephony. */
@AnalyzeClasses(packages = "dev.switchboard.sip", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class DependencyRuleTest {
    @ArchTest
    static final ArchRule sipDependsOnNoOtherModule = noClasses().that().resideInAPackage("dev.switchboard.sip..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.core..", "dev.switchboard.store..",
                    "dev.switchboard.api..", "dev.switchboard.server..", "dev.switchboard.media..",
                    "dev.switchboard.telephony..")
            .because("sip is a library the telephony module builds on; it knows nothing of the rest");
}
