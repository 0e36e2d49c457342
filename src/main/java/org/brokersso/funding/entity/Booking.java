package org.brokersso.funding.entity;

import org.brokersso.ctrader.entity.BalanceChangeType;

/** The call 3.5 a movement is waiting for: its type and its {@code externalId}. */
public record Booking(BalanceChangeType type, String externalId) {}
