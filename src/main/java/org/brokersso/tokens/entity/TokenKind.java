package org.brokersso.tokens.entity;

import java.util.regex.Pattern;

/**
 * The tokens of the contract and their wire format: a short prefix that tells them apart in support
 * tickets, then 256 random bits in URL-safe Base64 (43 characters). A string that does not have
 * this shape cannot be one of ours, which is what 417 {@code CID_NON_EXISTED_TOKEN} reports.
 */
public enum TokenKind {
  CRM_API("cat_"),
  ONE_TIME("ot_"),
  ACCESS("at_"),
  INAPP("ia_"),
  PASSWORD_RESET("pr_");

  /** Random bytes per token: 256 bits, as the strongest identity servers use. */
  public static final int RANDOM_BYTES = 32;

  private static final String BODY = "[A-Za-z0-9_-]{43}";

  private final String prefix;
  private final Pattern format;

  TokenKind(String prefix) {
    this.prefix = prefix;
    this.format = Pattern.compile(Pattern.quote(prefix) + BODY);
  }

  public String prefix() {
    return prefix;
  }

  public boolean isWellFormed(String candidate) {
    return candidate != null && format.matcher(candidate).matches();
  }
}
