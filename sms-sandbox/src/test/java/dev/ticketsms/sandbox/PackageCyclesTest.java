package dev.ticketsms.sandbox;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages depend on each other in one direction only, so each can be read (and changed) on its own. */
class PackageCyclesTest {

    @Test
    void featurePackagesHaveNoCycles() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ticketsms.sandbox");
        slices().matching("dev.ticketsms.sandbox.(*)..").should().beFreeOfCycles().check(classes);
    }
}
