package fr.parcours;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Who may import whom (README, "Architecture"): shared packages at the bottom, features above
 * them, pages that put several features together above those, the composition root on top.
 * A new package is a feature unless it is added to {@link #SHARED} or {@link #PAGES}.
 */
@AnalyzeClasses(packages = "fr.parcours", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  /** Knows no feature: HTTP and page plumbing, the database, refusals and their wording, settings, tokens. */
  static final String[] SHARED = {"fr.parcours.common..", "fr.parcours.config..", "fr.parcours.db..",
      "fr.parcours.error..", "fr.parcours.i18n..", "fr.parcours.web.."};
  /** Pages drawn from several features' answers; no feature imports them. */
  static final String[] PAGES = {"fr.parcours.admin..", "fr.parcours.programme.."};

  private static final DescribedPredicate<JavaClass> FEATURE = resideInAPackage("fr.parcours.(*)..")
      .and(DescribedPredicate.not(resideInAnyPackage(SHARED)))
      .and(DescribedPredicate.not(resideInAnyPackage(PAGES)))
      .as("a feature package");

  // Rules are checked from methods: Surefire 3.5.3 skips @ArchTest fields (TNG/ArchUnit#1442).
  @ArchTest
  void packagesHaveNoCycles(JavaClasses classes) {
    slices().matching("fr.parcours.(*)..").should().beFreeOfCycles().check(classes);
  }

  @ArchTest
  void dependenciesPointDown(JavaClasses classes) {
    LAYERS.check(classes);
  }

  private static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Composition").definedBy("fr.parcours")
      .layer("Pages").definedBy(PAGES)
      .layer("Features").definedBy(FEATURE)
      .layer("Shared").definedBy(SHARED)
      .whereLayer("Composition").mayNotBeAccessedByAnyLayer()
      .whereLayer("Pages").mayOnlyBeAccessedByLayers("Composition")
      .whereLayer("Features").mayOnlyBeAccessedByLayers("Pages", "Composition")
      .whereLayer("Shared").mayOnlyBeAccessedByLayers("Features", "Pages", "Composition");
}
