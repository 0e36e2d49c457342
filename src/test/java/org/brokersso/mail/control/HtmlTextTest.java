package org.brokersso.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void escapesMarkup() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
        HtmlText.escape("<script>alert(\"x\" & 'y')</script>"));
  }

  @Test
  void linksBecomeClickableWithTheirQueryEscaped() {
    assertEquals(
        "Open <a dir=\"ltr\" href=\"https://x.example/r?t=a&amp;l=ar\">https://x.example/r?t=a&amp;l=ar</a> now",
        HtmlText.of("Open https://x.example/r?t=a&l=ar now"));
  }

  @Test
  void punctuationClosingASentenceStaysOutOfTheLink() {
    assertEquals(
        "(see <a dir=\"ltr\" href=\"http://x.example/a\">http://x.example/a</a>).",
        HtmlText.of("(see http://x.example/a)."));
  }

  @Test
  void lineBreaksAreKeptAndOtherSchemesAreNotLinked() {
    assertEquals(
        "one<br>\ntwo<br>\njavascript:alert(1)", HtmlText.of("one\r\ntwo\njavascript:alert(1)"));
  }

  @Test
  void aQuoteEndsALinkSoItCannotLeaveTheAttribute() {
    assertEquals(
        "<a dir=\"ltr\" href=\"https://x.example/\">https://x.example/</a>&quot; onmouseover=&quot;x",
        HtmlText.of("https://x.example/\" onmouseover=\"x"));
  }
}
