package io.kubeferry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/style.md §1: core depends on nothing of ours; bundler and installer never on each other; nobody on cli. */
class DependencyDirectionTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.kubeferry");
  }

  @Test
  void bundlerDoesNotDependOnInstaller() {
    noClasses().that().resideInAPackage("io.kubeferry.bundler..")
        .should().dependOnClassesThat().resideInAPackage("io.kubeferry.installer..")
        .check(classes);
  }

  @Test
  void installerDoesNotDependOnBundler() {
    noClasses().that().resideInAPackage("io.kubeferry.installer..")
        .should().dependOnClassesThat().resideInAPackage("io.kubeferry.bundler..")
        .check(classes);
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("io.kubeferry.core..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.kubeferry.bundler..", "io.kubeferry.installer..", "io.kubeferry.cli..", "io.kubeferry.lab..")
        .check(classes);
  }

  @Test
  void productCodeNeverDependsOnTheLabOrTheCli() {
    noClasses().that().resideInAnyPackage("io.kubeferry.core..", "io.kubeferry.bundler..", "io.kubeferry.installer..")
        .should().dependOnClassesThat().resideInAnyPackage("io.kubeferry.lab..", "io.kubeferry.cli..")
        .check(classes);
  }
}
