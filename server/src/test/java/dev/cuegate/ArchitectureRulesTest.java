package dev.cuegate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheMainClasses() {
    // Only the server's own classes: the generated protobuf classes depend on nothing of CueGate,
    // and scanning every jar for the package would take most of the test's time.
    classes = new ClassFileImporter().importPath(mainClasses());
  }

  private static Path mainClasses() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
