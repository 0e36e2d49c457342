package org.brokersso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link RestApplication} lists what the product answers, so the runtime never scans: this keeps
 * the list and the code in step in both directions.
 */
class RestApplicationTest {

  private final Set<Class<?>> listed = new RestApplication().getClasses();

  @Test
  @DisplayName("every concrete @Path or @Provider class of the product is listed, nothing else")
  void listsEveryResourceFilterAndMapper() {
    Set<String> annotated =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.brokersso")
                .stream()
                .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                .filter(
                    c ->
                        !c.isInterface()
                            && !c.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    Set<String> names =
        listed.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(annotated, names);
  }

  @Test
  @DisplayName("no interface (such as an outbound REST client) is published as a server endpoint")
  void noInterface() {
    for (Class<?> type : listed) {
      assertTrue(!type.isInterface(), type.getName() + " is an interface");
    }
  }

  @Test
  @DisplayName("WADL is off, so no public map of the operator and sandbox paths")
  void noWadl() {
    assertEquals(
        Boolean.TRUE,
        new RestApplication().getProperties().get("jersey.config.server.wadl.disableWadl"));
  }
}
