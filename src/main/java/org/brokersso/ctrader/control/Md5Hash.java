package org.brokersso.ctrader.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The password digest cTrader expects in 3.1 ({@code hashedPassword}), 3.3 and 3.4: MD5 as 32
 * lower-case hex characters (spec §9, §12 q19). MD5 is cTrader's choice, not ours.
 */
public final class Md5Hash {

  private Md5Hash() {}

  public static String of(String password) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }
}
