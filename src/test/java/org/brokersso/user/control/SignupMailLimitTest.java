package org.brokersso.user.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignupMailLimitTest {

  private final SignupMailLimit limit = new SignupMailLimit(new MemoryThrottleCounters());
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void fiveMailsAnHourPerAddress() {
    for (int i = 0; i < 5; i++) {
      assertTrue(limit.allows("a@example.com", start.plusSeconds(i)), "mail " + (i + 1));
    }
    assertFalse(limit.allows("a@example.com", start.plusSeconds(10)), "the sixth in the hour");
    assertTrue(limit.allows("b@example.com", start.plusSeconds(10)), "another address");
    assertTrue(
        limit.allows("a@example.com", start.plus(Duration.ofHours(1))), "the next hour again");
  }
}
