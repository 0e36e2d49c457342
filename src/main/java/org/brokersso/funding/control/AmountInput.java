package org.brokersso.funding.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An amount as a trader types it on a money screen, read strictly in the screen's language: its own
 * digits, decimal separator and grouping separator (the JDK's CLDR data: en {@code 1,250.50}, es
 * {@code 1.250,50}, ar {@code ١٬٢٥٠٫٥٠}), never guessed. A separator where the language cannot put
 * it, a sign, an exponent or more decimals than the account's currency has is refused with a {@link
 * Problem} whose message shows how to write the amount. The rules, row by row, are in docs/money.md
 * ("Amounts as typed") and contract-choices row 51.
 */
public final class AmountInput {

  /** Why a typed amount was not read. */
  public enum Problem {
    /** Nothing typed. */
    EMPTY,
    /** A sign, a letter (an exponent, a currency) or another character that is no part of one. */
    NOT_A_NUMBER,
    /**
     * Separators the screen's language does not write this way ({@code 12,50} in en, {@code 12.50}
     * in es, a space between thousands), or digits of two scripts: it could mean more than one
     * amount.
     */
    AMBIGUOUS,
    /** More decimals than the account's currency has (its {@code moneyDigits}). */
    TOO_MANY_DECIMALS
  }

  /** What a typed amount came to: an amount, or the problem that kept it from being read. */
  public sealed interface Reading {

    record Amount(BigDecimal value) implements Reading {}

    record Unreadable(Problem problem) implements Reading {}
  }

  /** Longer than any amount a record holds (DECIMAL(19,8) with its grouping). */
  private static final int LONGEST = 40;

  /** Characters a trader uses between digits that are not this language's separators. */
  private static final String FOREIGN_SEPARATORS = ".,' \u00a0\u202f\u2019\u060c\u066b\u066c";

  private static final BigDecimal EXAMPLE = new BigDecimal("1250.50");

  private final Locale locale;
  private final DecimalFormatSymbols symbols;

  private AmountInput(Locale locale) {
    this.locale = locale;
    this.symbols = DecimalFormatSymbols.getInstance(locale);
  }

  /** The amounts of a screen in {@code locale}. */
  public static AmountInput in(Locale locale) {
    return new AmountInput(locale);
  }

  /** Whether this language writes its own digits (ar: Arabic-Indic) rather than 0-9. */
  private boolean hasNativeDigits() {
    return symbols.getZeroDigit() != '0';
  }

  /** Reads {@code typed}; the account's currency has {@code moneyDigits} decimals. */
  public Reading read(String typed, int moneyDigits) {
    String text = typed == null ? "" : withoutDirectionMarks(typed).strip();
    if (text.isEmpty()) {
      return new Reading.Unreadable(Problem.EMPTY);
    }
    if (text.length() > LONGEST) {
      return new Reading.Unreadable(Problem.NOT_A_NUMBER);
    }
    StringBuilder digits = new StringBuilder(); // 0-9, '.' for the decimal and ',' for grouping
    boolean western = false;
    boolean nativeDigits = false;
    boolean foreign = false;
    for (char c : text.toCharArray()) {
      int nativeValue = c - symbols.getZeroDigit();
      if (hasNativeDigits() && nativeValue >= 0 && nativeValue <= 9) {
        nativeDigits = true;
        digits.append((char) ('0' + nativeValue));
      } else if (c >= '0' && c <= '9') {
        western = true;
        digits.append(c);
      } else if (c == symbols.getDecimalSeparator()) {
        digits.append('.');
      } else if (c == symbols.getGroupingSeparator()) {
        digits.append(',');
      } else if (FOREIGN_SEPARATORS.indexOf(c) >= 0) {
        foreign = true;
        digits.append(c == '.' ? 'p' : 'x');
      } else {
        return new Reading.Unreadable(Problem.NOT_A_NUMBER);
      }
    }
    if (western && nativeDigits) {
      return new Reading.Unreadable(Problem.AMBIGUOUS);
    }
    String plain = digits.toString();
    if (foreign) {
      if (!isWesternPoint(plain, western)) {
        return new Reading.Unreadable(Problem.AMBIGUOUS);
      }
      plain = plain.replace('p', '.');
    }
    return structured(plain, moneyDigits);
  }

  /**
   * On a screen with digits of its own (ar), 0-9 with one '.' and no other separator is a decimal
   * point when it cannot be grouping: the Arabic-speaking countries that write 0-9 put the decimal
   * either as '.' or as ',' (grouping '.'), so {@code 12.50} reads one way only, {@code 12.500}
   * two.
   */
  private boolean isWesternPoint(String plain, boolean western) {
    int point = plain.indexOf('p');
    return hasNativeDigits()
        && western
        && point > 0
        && point == plain.lastIndexOf('p')
        && plain.chars().allMatch(c -> c == 'p' || (c >= '0' && c <= '9'))
        && plain.length() - point - 1 >= 1
        && plain.length() - point - 1 != 3;
  }

  /**
   * {@code plain} has digits, '.' for the decimal and ',' for grouping, in this language's places.
   */
  private static Reading structured(String plain, int moneyDigits) {
    int point = plain.indexOf('.');
    if (point != plain.lastIndexOf('.')) {
      return new Reading.Unreadable(Problem.AMBIGUOUS);
    }
    String whole = point < 0 ? plain : plain.substring(0, point);
    String fraction = point < 0 ? "" : plain.substring(point + 1);
    if (whole.isEmpty()
        || (point >= 0 && fraction.isEmpty())
        || fraction.indexOf(',') >= 0
        || !isGroupedInThrees(whole)) {
      return new Reading.Unreadable(Problem.AMBIGUOUS);
    }
    if (fraction.length() > moneyDigits) {
      return new Reading.Unreadable(Problem.TOO_MANY_DECIMALS);
    }
    String number = whole.replace(",", "") + (fraction.isEmpty() ? "" : "." + fraction);
    return new Reading.Amount(new BigDecimal(number));
  }

  /** Groups of three digits after a first group of one to three, or no grouping at all. */
  private static boolean isGroupedInThrees(String whole) {
    String[] groups = whole.split(",", -1);
    if (groups[0].isEmpty() || (groups.length > 1 && groups[0].length() > 3)) {
      return false;
    }
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return false;
      }
    }
    return true;
  }

  /** Bidirectional marks an RTL keyboard or a copied text may put around or inside an amount. */
  private static String withoutDirectionMarks(String typed) {
    return typed.replaceAll("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]", "");
  }

  /** {@code amount} as this language writes it, grouped, with the currency's decimals. */
  public String format(BigDecimal amount, int moneyDigits) {
    return formatter(true, moneyDigits, moneyDigits).format(amount);
  }

  /**
   * How to write an amount on this screen, for the messages: grouped, ungrouped, and ungrouped in
   * 0-9 (the second again where the language writes 0-9).
   */
  public List<String> examples(int moneyDigits) {
    BigDecimal example = EXAMPLE.setScale(Math.min(moneyDigits, 2), RoundingMode.DOWN);
    List<String> examples = new ArrayList<>();
    examples.add(formatter(true, example.scale(), example.scale()).format(example));
    examples.add(formatter(false, example.scale(), example.scale()).format(example));
    examples.add(hasNativeDigits() ? example.toPlainString() : examples.get(1));
    return examples;
  }

  private NumberFormat formatter(boolean grouped, int minimumDecimals, int maximumDecimals) {
    DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
    format.setGroupingUsed(grouped);
    format.setMinimumFractionDigits(minimumDecimals);
    format.setMaximumFractionDigits(maximumDecimals);
    format.setRoundingMode(RoundingMode.DOWN);
    return format;
  }
}
