package org.brokersso.funding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.brokersso.funding.control.AmountInput.Problem;
import org.brokersso.funding.control.AmountInput.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amounts as traders type them on the money screens, read in the screen's language (issue 14, point
 * 1). Each row: language, what was typed, and the amount it is (exactly, scale included) or the
 * problem it is refused with, for a currency of two decimals.
 */
class AmountInputTest {

  private static Reading read(String lang, String typed, int moneyDigits) {
    return AmountInput.in(Locale.forLanguageTag(lang)).read(typed, moneyDigits);
  }

  private static Object outcome(Reading reading) {
    return reading instanceof Reading.Amount amount
        ? amount.value().toPlainString()
        : ((Reading.Unreadable) reading).problem().name();
  }

  @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // the amounts of the issue
        "en | 12,500       | 12500",
        "es | 12.500       | 12500",
        "en | 1e2          | NOT_A_NUMBER",
        "ar | ١٢٫٥٠        | 12.50",
        "ar | ١٠٠          | 100",
        // English: ',' between thousands, '.' before the decimals
        "en | 12,50        | AMBIGUOUS",
        "en | 12.50        | 12.50",
        "en | 12.5         | 12.5",
        "en | 1,250.50     | 1250.50",
        "en | 1,000,000    | 1000000",
        "en | 1250         | 1250",
        "en | 12.500       | TOO_MANY_DECIMALS",
        "en | 12.505       | TOO_MANY_DECIMALS",
        "en | 1,2345       | AMBIGUOUS",
        "en | 1234,567     | AMBIGUOUS",
        "en | 1,234,56     | AMBIGUOUS",
        "en | 1.250,50     | AMBIGUOUS",
        "en | 12 500       | AMBIGUOUS",
        "en | .5           | AMBIGUOUS",
        "en | 12.          | AMBIGUOUS",
        "en | 1.2.3        | AMBIGUOUS",
        "en | ,500         | AMBIGUOUS",
        "en | 12,          | AMBIGUOUS",
        "en | 1,000.5,0    | AMBIGUOUS",
        "en | ١٠٠          | NOT_A_NUMBER",
        "en | 1E2          | NOT_A_NUMBER",
        "en | 1e-2         | NOT_A_NUMBER",
        "en | -5           | NOT_A_NUMBER",
        "en | +5           | NOT_A_NUMBER",
        "en | −5           | NOT_A_NUMBER",
        "en | $12          | NOT_A_NUMBER",
        "en | 12 USD       | NOT_A_NUMBER",
        "en | 0x10         | NOT_A_NUMBER",
        "en | NaN          | NOT_A_NUMBER",
        "en | Infinity     | NOT_A_NUMBER",
        "en | ０１２        | NOT_A_NUMBER",
        "en | \"  250.75 \" | 250.75",
        "en | \"\"         | EMPTY",
        "en | \"   \"      | EMPTY",
        "en | 0            | 0",
        "en | 007          | 7",
        // Spanish: '.' between thousands, ',' before the decimals
        "es | 12,50        | 12.50",
        "es | 12,5         | 12.5",
        "es | 1.250,50     | 1250.50",
        "es | 1.000.000,01 | 1000000.01",
        "es | 12.50        | AMBIGUOUS",
        "es | 1,250.50     | AMBIGUOUS",
        "es | 12,500       | TOO_MANY_DECIMALS",
        "es | 1.2345       | AMBIGUOUS",
        "es | 12 500       | AMBIGUOUS",
        "es | 1e2          | NOT_A_NUMBER",
        "es | -12,50       | NOT_A_NUMBER",
        // Arabic: Arabic-Indic digits, U+066B before the decimals, U+066C between thousands
        "ar | ١٢٬٥٠٠       | 12500",
        "ar | ١٬٢٥٠٫٥٠     | 1250.50",
        "ar | ٠٫٥          | 0.5",
        "ar | ١٢٫٥٠٥       | TOO_MANY_DECIMALS",
        "ar | ١٢٬٥٠        | AMBIGUOUS",
        "ar | ١٢.٥٠        | AMBIGUOUS",
        "ar | ١٢,٥٠        | AMBIGUOUS",
        "ar | ١٢،٥٠        | AMBIGUOUS",
        "ar | ١2           | AMBIGUOUS",
        "ar | \u200f١٢٫٥٠\u200f     | 12.50",
        "ar | -١٠٠         | NOT_A_NUMBER",
        "ar | ١e٢          | NOT_A_NUMBER",
        // Arabic screen, Western digits: unambiguous only without a separator that could group
        "ar | 100          | 100",
        "ar | 12٫50        | 12.50",
        "ar | 12٬500       | 12500",
        "ar | 12.50        | 12.50",
        "ar | 12.5         | 12.5",
        "ar | 12.500       | AMBIGUOUS",
        "ar | 12,50        | AMBIGUOUS",
        "ar | 12,500       | AMBIGUOUS",
        "ar | 1,250.50     | AMBIGUOUS",
        "ar | 1.2.3        | AMBIGUOUS",
        "ar | .5           | AMBIGUOUS",
        "ar | 12.          | AMBIGUOUS",
        "ar | 1e2          | NOT_A_NUMBER",
      })
  void readsAsTheScreensLanguageWrites(String lang, String typed, String expected) {
    assertEquals(expected, outcome(read(lang, typed, 2)));
  }

  @Test
  void neverMoreDecimalsThanTheCurrencyHas() {
    assertEquals("TOO_MANY_DECIMALS", outcome(read("en", "1250.5", 0)), "JPY has no decimals");
    assertEquals("1250", outcome(read("en", "1,250", 0)));
    assertEquals("0.12345678", outcome(read("es", "0,12345678", 8)));
    assertEquals("TOO_MANY_DECIMALS", outcome(read("es", "0,123456789", 8)));
    assertEquals(
        "AMBIGUOUS",
        outcome(read("ar", "12.500", 3)),
        "three decimals after '.' in 0-9 could be grouping, whatever the currency");
    assertEquals("12.500", outcome(read("ar", "١٢٫٥٠٠", 3)), "in Arabic-Indic digits they are not");
  }

  @Test
  void anAbsurdlyLongInputIsNoNumber() {
    assertEquals(new Reading.Unreadable(Problem.NOT_A_NUMBER), read("en", "1".repeat(41), 2));
  }

  @Test
  void nullIsEmpty() {
    assertEquals(new Reading.Unreadable(Problem.EMPTY), read("en", null, 2));
  }

  @Test
  void amountsAreShownAsTheLanguageWritesThem() {
    BigDecimal amount = new BigDecimal("12500.5");
    assertEquals("12,500.50", AmountInput.in(Locale.ENGLISH).format(amount, 2));
    assertEquals("12.500,50", AmountInput.in(Locale.forLanguageTag("es")).format(amount, 2));
    assertEquals("١٢٬٥٠٠٫٥٠", AmountInput.in(Locale.forLanguageTag("ar")).format(amount, 2));
    assertEquals("12,501", AmountInput.in(Locale.ENGLISH).format(new BigDecimal("12501"), 0));
  }

  @Test
  void theExamplesAreReadBackAsTheyAreShown() {
    for (String lang : List.of("en", "es", "ar")) {
      for (int digits : new int[] {0, 2, 8}) {
        AmountInput input = AmountInput.in(Locale.forLanguageTag(lang));
        for (String example : input.examples(digits)) {
          Reading reading = input.read(example, digits);
          assertEquals(
              digits == 0 ? "1250" : "1250.50",
              outcome(reading),
              lang + " example " + example + " with " + digits + " decimals");
        }
      }
    }
  }
}
