package org.brokersso.ctrader.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.brokersso.ctrader.CtraderStandIn;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Calls 3.12 and 3.13 carry everything in the query. They go out with an empty body, so nothing but
 * the (empty) body's framing is on the wire, and the client logs no warning per call (Jersey warned
 * "Entity must not be null for http method PUT" at every signup).
 */
class BodilessCallsTest {

  private final CtraderStandIn standIn = CtraderStandIn.start();
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger jersey = Logger.getLogger("org.glassfish.jersey");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    jersey.addHandler(capture);
  }

  @AfterEach
  void stop() {
    jersey.removeHandler(capture);
    standIn.close();
  }

  @Test
  @DisplayName("3.13 (PUT) and 3.12 (POST) send an empty body and log no warning")
  void noBodyNoWarning() {
    RestCtraderBackend backend = standIn.backend();
    long userId =
        backend.createUser(new CreateUserRequest(null, "jane@example.org", "Jane", null, "en"));
    warnings.clear();

    backend.acceptAgreement(userId);
    backend.logOut(userId);

    List<CtraderStandIn.Request> bodiless = new ArrayList<>(standIn.journal("3.13"));
    bodiless.addAll(standIn.journal("3.12"));
    assertEquals(
        List.of("PUT /cid/oauth2/ctid/acceptAgreement []", "POST /cid/oauth2/ctid/logout []"),
        bodiless.stream().map(r -> r.method() + " " + r.path() + " [" + r.body() + "]").toList());
    assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
  }
}
