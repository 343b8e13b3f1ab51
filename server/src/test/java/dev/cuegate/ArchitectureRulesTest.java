package dev.cuegate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.cuegate");
  }

  @Test
  void topLevelPackagesFormNoCycle() {
    slices().matching("dev.cuegate.(*)..")
        .should().beFreeOfCycles()
        .check(classes);
  }

  @Test
  void configurationIsALeafThatImportsNoOtherPackageOfCueGate() {
    noClasses().that().resideInAPackage("dev.cuegate.config..")
        .should().dependOnClassesThat(
            resideInAPackage("dev.cuegate..").and(resideOutsideOfPackage("dev.cuegate.config..")))
        .check(classes);
  }
}
