package org.brokersso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.funding.control.PaymentProvider;
import org.brokersso.kyc.control.KycProvider;
import org.brokersso.persistence.Boundary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, so that a new import that points up, or a new
 * cycle, fails the build instead of waiting for a reader to notice.
 */
class ArchitectureTest {

  /**
   * The capabilities from the bottom up: a capability may use those on its own level or below it,
   * never one above. The order within a level is free, as long as there is no cycle (checked
   * separately). The root package ({@link RestApplication}) is the composition root above all.
   */
  static final List<List<String>> LEVELS =
      List.of(
          List.of(
              "setup", "persistence", "migration", "audit", "mail", "tokens", "ctrader", "metrics"),
          List.of("screen", "health"),
          List.of("user"),
          List.of("sso", "account"),
          List.of("operator", "inapp"),
          List.of("kyc"),
          List.of("ribbon", "funding"),
          List.of("signin", "client", "jobs"),
          List.of("sandbox"));

  static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.brokersso");
  }

  private static String[] packagesOf(List<String> capabilities) {
    return capabilities.stream().map(c -> "org.brokersso." + c + "..").toArray(String[]::new);
  }

  @Test
  @DisplayName("every capability package is on exactly one level")
  void everyCapabilityHasALevel() {
    List<String> placed = LEVELS.stream().flatMap(List::stream).toList();
    List<String> unplaced = new ArrayList<>();
    product.stream()
        .map(c -> c.getPackageName())
        .filter(p -> p.startsWith("org.brokersso."))
        .map(p -> p.substring("org.brokersso.".length()).split("\\.")[0])
        .distinct()
        .filter(c -> !placed.contains(c))
        .forEach(unplaced::add);
    if (!unplaced.isEmpty()) {
      throw new AssertionError("capabilities without a level in LEVELS: " + unplaced);
    }
  }

  @Test
  @DisplayName("no capability depends on one above it")
  void dependenciesPointDown() {
    for (int level = 0; level < LEVELS.size() - 1; level++) {
      List<String> above =
          LEVELS.subList(level + 1, LEVELS.size()).stream().flatMap(List::stream).toList();
      noClasses()
          .that()
          .resideInAnyPackage(packagesOf(LEVELS.get(level)))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packagesOf(above))
          .because("docs/architecture.md: capabilities depend downwards only")
          .check(product);
    }
  }

  @Test
  @DisplayName("capabilities form no cycle, also within a level")
  void noCycles() {
    slices().matching("org.brokersso.(*)..").should().beFreeOfCycles().check(product);
  }

  @Test
  @DisplayName("inside a capability: boundary -> control -> entity, never back")
  void layersInsideACapability() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..control..", "..boundary..")
        .check(product);
    noClasses()
        .that()
        .resideInAPackage("..control..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..boundary..")
        .check(product);
  }

  @Test
  @DisplayName("the sandbox is an adapter of cTrader: only the composition root knows it")
  void nothingButTheRootImportsTheSandbox() {
    classes()
        .that()
        .resideInAPackage("org.brokersso.sandbox..")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAnyPackage("org.brokersso.sandbox..", "org.brokersso")
        .check(product);
  }

  /** What lies outside the process: a call to one of them must never run inside a transaction. */
  static final List<Class<?>> CALLS_OUT =
      List.of(CtraderBackend.class, PaymentProvider.class, KycProvider.class);

  @Test
  @DisplayName("transactions: never declared on a boundary or an entity, only through @Boundary")
  void transactionsAreNotDeclaredInBoundariesOrEntities() {
    noClasses()
        .that()
        .resideInAnyPackage("..boundary..", "..entity..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .because("docs/architecture.md: a boundary begins a transaction only as a @Boundary")
        .check(product);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("..boundary..", "..entity..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(product);
  }

  @Test
  @DisplayName("transactions: whatever calls cTrader or a provider holds none across the call")
  void noTransactionAcrossACallOut() {
    classes()
        .that()
        .resideOutsideOfPackage("org.brokersso.sandbox..")
        .and(callOut())
        .should(holdNoTransaction())
        .because("docs/architecture.md: each local step commits before the next call out")
        .check(product);
  }

  private static DescribedPredicate<JavaClass> callOut() {
    return DescribedPredicate.describe(
        "inject cTrader's backend or a payment or KYC provider",
        c ->
            !c.isInterface()
                && c.getAllFields().stream()
                    .anyMatch(
                        f -> CALLS_OUT.stream().anyMatch(t -> f.getRawType().isEquivalentTo(t))));
  }

  private static ArchCondition<JavaClass> holdNoTransaction() {
    return new ArchCondition<>("be @Transactional(NOT_SUPPORTED) and not a @Boundary") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean boundary =
            c.isMetaAnnotatedWith(Boundary.class) || c.isAnnotatedWith(Boundary.class);
        boolean notSupported =
            c.tryGetAnnotationOfType(Transactional.class)
                .map(t -> t.value() == Transactional.TxType.NOT_SUPPORTED)
                .orElse(false);
        if (boundary || !notSupported) {
          events.add(
              SimpleConditionEvent.violated(
                  c, c.getName() + " calls out but may hold a transaction across the call"));
        }
      }
    };
  }
}
