package org.brokersso.sandbox.control;

import java.util.Locale;
import java.util.Set;

/**
 * How many decimals the sandbox's cTrader keeps per deposit currency: none for the currencies that
 * have no minor unit, 8 for crypto, 2 otherwise. The real backend decides this itself and reports
 * it as {@code moneyDigits}.
 */
final class MoneyDigits {

  private static final Set<String> WHOLE = Set.of("JPY", "KRW", "HUF", "CLP", "ISK", "VND");
  private static final Set<String> CRYPTO = Set.of("BTC", "ETH", "USDT", "LTC");

  private MoneyDigits() {}

  static int of(String currency) {
    String code = currency.toUpperCase(Locale.ROOT);
    return WHOLE.contains(code) ? 0 : CRYPTO.contains(code) ? 8 : 2;
  }
}
