/**
 * Deposits and withdrawals (InApp flow §6.6): the payment provider collects or pays out, cTrader's
 * 3.5 books the money, each step recorded before the next call so that every movement is finished,
 * reversed or handed to an operator exactly once. The screens sit on {@code control.Deposits} and
 * {@code control.Withdrawals}.
 */
package org.brokersso.funding;
