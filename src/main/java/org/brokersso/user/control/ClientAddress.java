package org.brokersso.user.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address a {@link LoginThrottle} key (or the back-off of call 4.1) holds. An IPv6
 * address counts as its /64 prefix, because a subscriber is usually given the whole /64 and may
 * send from any address in it. The address is the connection's as the server reports it; no header
 * such as {@code X-Forwarded-For} is read here (behind a proxy the server must be told to report
 * the client's, see docs/screens.md).
 */
public final class ClientAddress {

  private static final int MAX_LENGTH = 64;

  // hex digits, colons and dots, starting with a digit or colon: InetAddress parses such a literal
  // and never looks it up
  private static final String IPV6_LITERAL = "[0-9A-Fa-f:][0-9A-Fa-f:.]*";

  private ClientAddress() {}

  public static String key(String address) {
    String key = address == null ? "" : address.strip();
    if (key.contains(":") && key.matches(IPV6_LITERAL)) {
      try {
        byte[] bytes = InetAddress.getByName(key).getAddress();
        // an IPv4-mapped address comes back as IPv4
        return bytes.length == 16
            ? prefix64(bytes)
            : InetAddress.getByAddress(bytes).getHostAddress();
      } catch (UnknownHostException notAnAddress) {
        // counted as the text it is
      }
    }
    return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
  }

  private static String prefix64(byte[] ipv6) {
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix.append(Integer.toHexString((ipv6[i] & 0xff) << 8 | ipv6[i + 1] & 0xff)).append(':');
    }
    return prefix.append(":/64").toString();
  }
}
