package org.brokersso.mail.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text shown as HTML: escaped, line breaks kept, {@code http(s)} links made clickable. The
 * mails' HTML alternative and the sandbox outbox page both show text this way.
 */
public final class HtmlText {

  // a link ends at white space or a character that cannot stand unescaped in a URL
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
  private static final String SENTENCE_END = ".,;:!?)";

  private HtmlText() {}

  public static String of(String plain) {
    StringBuilder html = new StringBuilder();
    Matcher link = LINK.matcher(plain);
    int done = 0;
    while (link.find()) {
      int end = link.end();
      // "… at https://x/reset." : the full stop closes the sentence, not the link
      while (end > link.start() && SENTENCE_END.indexOf(plain.charAt(end - 1)) >= 0) {
        end--;
      }
      String url = escape(plain.substring(link.start(), end));
      html.append(escape(plain.substring(done, link.start())))
          .append("<a dir=\"ltr\" href=\"")
          .append(url)
          .append("\">")
          .append(url)
          .append("</a>");
      done = end;
    }
    html.append(escape(plain.substring(done)));
    return html.toString().replace("\r\n", "\n").replace("\n", "<br>\n");
  }

  public static String escape(String plain) {
    StringBuilder html = new StringBuilder(plain.length() + 16);
    for (char c : plain.toCharArray()) {
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
