/**
 * The broker's operators: one shared password ({@code operator.password}, HTTP Basic) guards the
 * {@code /operator/*} endpoints (KYC decisions, ribbon re-pushes); without it they do not exist.
 */
package org.brokersso.operator;
