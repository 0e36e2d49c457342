package org.brokersso.operator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.brokersso.operator.control.OperatorRequestShape.Verdict;
import org.junit.jupiter.api.Test;

class OperatorRequestShapeTest {

  private static final String HOST = "crm.broker.example";
  private static final String JSON = "application/json";

  private final OperatorRequestShape shape = shape(Optional.of("https://crm.broker.example/"));

  private static OperatorRequestShape shape(Optional<String> publicUrl) {
    OperatorRequestShape shape = new OperatorRequestShape();
    shape.publicUrl = publicUrl;
    return shape;
  }

  @Test
  void aScriptWithoutOriginIsAccepted() {
    assertEquals(Verdict.ACCEPTED, shape.judge("POST", null, null, HOST, null));
    assertEquals(Verdict.ACCEPTED, shape.judge("POST", null, null, HOST, JSON));
    assertEquals(
        Verdict.ACCEPTED, shape.judge("POST", null, null, HOST, "application/json; charset=UTF-8"));
    assertEquals(Verdict.ACCEPTED, shape.judge("GET", null, null, HOST, null));
  }

  @Test
  void theProductsOwnOriginIsAccepted() {
    assertEquals(
        Verdict.ACCEPTED, shape.judge("POST", "https://crm.broker.example", null, HOST, JSON));
    assertEquals(
        Verdict.ACCEPTED,
        shape.judge("POST", "https://crm.broker.example", "same-origin", "10.0.0.5:8080", JSON),
        "the public URL's origin, whatever Host the proxy passes on");
    assertEquals(
        Verdict.ACCEPTED,
        shape(Optional.empty())
            .judge("POST", "http://localhost:8080", null, "localhost:8080", JSON),
        "without a public URL: the origin the request was sent to");
    assertEquals(Verdict.ACCEPTED, shape.judge("GET", null, "none", HOST, null), "typed address");
  }

  @Test
  void crossSiteRequestsAreRefused() {
    assertEquals(
        Verdict.CROSS_SITE,
        shape.judge(
            "POST", "https://evil.example", null, HOST, "application/x-www-form-urlencoded"));
    assertEquals(Verdict.CROSS_SITE, shape.judge("POST", "https://evil.example", null, HOST, JSON));
    assertEquals(Verdict.CROSS_SITE, shape.judge("POST", "null", null, HOST, null));
    assertEquals(
        Verdict.CROSS_SITE,
        shape.judge("POST", "http://crm.broker.example.evil.example", null, HOST, null));
    assertEquals(Verdict.CROSS_SITE, shape.judge("GET", null, "cross-site", HOST, null));
    assertEquals(Verdict.CROSS_SITE, shape.judge("GET", null, "same-site", HOST, null));
  }

  @Test
  void bodiesOtherThanJsonAreRefused() {
    for (String type :
        new String[] {
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"
        }) {
      assertEquals(Verdict.NOT_JSON, shape.judge("POST", null, null, HOST, type), type);
      assertEquals(Verdict.NOT_JSON, shape.judge("PUT", null, null, HOST, type), type);
    }
    assertEquals(
        Verdict.ACCEPTED, shape.judge("GET", null, null, HOST, "text/plain"), "a GET has no body");
  }
}
