package org.brokersso.ctrader.entity;

import java.util.List;

/**
 * {@code rules} of call 3.9. Null ribbons serialise as {@code {}}, which clears the user's ribbons
 * (V4).
 */
public record InAppRules(List<Ribbon> ribbons) {}
