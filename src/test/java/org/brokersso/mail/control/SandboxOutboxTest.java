package org.brokersso.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.brokersso.mail.entity.OutgoingMail;
import org.junit.jupiter.api.Test;

class SandboxOutboxTest {

  private static OutgoingMail mail(int n) {
    return new OutgoingMail("user" + n + "@example.org", "mail " + n, "body " + n);
  }

  @Test
  void keepsTheNewestFiftyNewestFirst() {
    SandboxOutbox outbox = MailerTest.outbox();
    IntStream.rangeClosed(1, 60).forEach(n -> outbox.keep(mail(n)));

    List<SandboxOutbox.KeptMail> kept = outbox.newestFirst();
    assertEquals(SandboxOutbox.CAPACITY, kept.size());
    assertEquals(mail(60), kept.get(0).mail());
    assertEquals(mail(11), kept.get(kept.size() - 1).mail());
  }

  @Test
  void recordsWhenAMailWasKeptAndHandsOutACopy() {
    SandboxOutbox outbox = new SandboxOutbox();
    outbox.clock = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);
    outbox.keep(mail(1));

    List<SandboxOutbox.KeptMail> kept = outbox.newestFirst();
    assertEquals(Instant.parse("2025-03-01T10:15:30Z"), kept.get(0).keptAt());
    assertThrows(UnsupportedOperationException.class, () -> kept.add(kept.get(0)));
    outbox.keep(mail(2));
    assertEquals(1, kept.size());
  }

  @Test
  void concurrentSendersAndReadersNeverBreakIt() throws Exception {
    SandboxOutbox outbox = MailerTest.outbox();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int first = thread * 5_000;
        work.add(
            () -> {
              for (int n = first; n < first + 5_000; n++) {
                outbox.keep(mail(n));
                List<SandboxOutbox.KeptMail> seen = outbox.newestFirst();
                assertTrue(seen.size() <= SandboxOutbox.CAPACITY, "overfilled: " + seen.size());
              }
              return null;
            });
      }
      for (Future<Void> done : threads.invokeAll(work, 60, TimeUnit.SECONDS)) {
        done.get(); // rethrows what went wrong in that thread
      }
    } finally {
      threads.shutdownNow();
    }
    List<SandboxOutbox.KeptMail> kept = outbox.newestFirst();
    assertEquals(SandboxOutbox.CAPACITY, kept.size());
    assertEquals(
        SandboxOutbox.CAPACITY, kept.stream().map(SandboxOutbox.KeptMail::mail).distinct().count());
  }
}
