package org.brokersso.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Entry point of a capability: transactions begin here, control classes join them. A {@link
 * Refusal} commits (it is an answer); any other exception rolls back. Application-scoped by
 * default; a screen bean's own scope overrides it.
 */
@Stereotype
@ApplicationScoped
@Transactional(dontRollbackOn = Refusal.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Boundary {}
