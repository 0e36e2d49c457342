package org.brokersso.account.entity;

import org.brokersso.ctrader.entity.AccountType;

/** What the broker offers for a new trading account (call 3.3's required fields). */
public record AccountTerms(
    String depositCurrency, String groupName, int leverageInCents, AccountType accountType) {}
