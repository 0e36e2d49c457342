package org.brokersso.ctrader.entity;

/** Answer of the redeem call: who opened the page, and from which trading account. */
public record RedeemedInAppToken(Long userId, String email, Long tradingLogin) {}
