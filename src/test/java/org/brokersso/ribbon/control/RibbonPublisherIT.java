package org.brokersso.ribbon.control;

import static org.brokersso.account.control.FailingCtraderBackend.Call.SHOW_RIBBONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.brokersso.Deployments;
import org.brokersso.account.control.FailingCtraderBackend;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.kyc.entity.SandboxDecision;
import org.brokersso.ribbon.entity.Publication;
import org.brokersso.sandbox.control.SandboxCtraderBackend;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call 3.9 inside the server against the sandbox cTrader, with the shipped {@code ribbon.list}:
 * what cTrader holds after a push, failures that leave the trader pending for the next login, the
 * KYC ribbon that goes once KYC is approved, and a push to everybody.
 */
@ExtendWith(ArquillianExtension.class)
class RibbonPublisherIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
        RibbonPublisherIT.class, FailingCtraderBackend.class, FailingCtraderBackend.Call.class);
  }

  /**
   * The shipped defaults, with screen.public-url unset in the tests: the sandbox's fallback base.
   */
  private static final Ribbon DEPOSIT =
      Ribbon.of(
          "#1f8efa",
          "Deposit funds",
          true,
          RibbonAction.inApp("http://localhost:8080/inapp/deposit"));

  private static final Ribbon KYC =
      Ribbon.of(
          "#e8a33d",
          "Verify your identity",
          false,
          RibbonAction.inApp("http://localhost:8080/inapp/kyc"));

  @Inject RibbonPublisher publisher;
  @Inject RibbonPublications publications;
  @Inject FailingCtraderBackend ctrader;
  @Inject SandboxCtraderBackend sandbox;
  @Inject KycChecks kyc;
  @Inject Users users;
  @Inject UserTransaction tx;

  @BeforeEach
  void healthyBackend() {
    ctrader.reset();
  }

  @Test
  @DisplayName("after signup: cTrader holds the configured ribbons with absolute in-app URLs")
  void publishedAfterSignup() throws Exception {
    User jane = trader();

    assertEquals(Publication.PUBLISHED, publisher.publishTo(jane.id()));

    assertEquals(List.of(DEPOSIT, KYC), sandbox.ribbonsOf(jane.ctidUserId()));
    assertFalse(publications.isPending(jane.id()));
    assertEquals(Publication.UP_TO_DATE, publisher.publishIfPending(jane.id()));
    assertEquals(1, ctrader.acted(SHOW_RIBBONS), "a login after a successful push calls nothing");
  }

  @Test
  @DisplayName(
      "cTrader refuses the push: no exception, the trader stays pending, the next login pushes")
  void refusedPushRetriedAtLogin() throws Exception {
    User jane = trader();
    ctrader.refuseNext(SHOW_RIBBONS);

    assertEquals(Publication.FAILED, publisher.publishTo(jane.id()));

    assertTrue(sandbox.ribbonsOf(jane.ctidUserId()).isEmpty());
    assertTrue(publications.isPending(jane.id()));
    assertEquals(Publication.PUBLISHED, publisher.publishIfPending(jane.id()));
    assertEquals(List.of(DEPOSIT, KYC), sandbox.ribbonsOf(jane.ctidUserId()));
  }

  @Test
  @DisplayName(
      "the push's answer is lost: pending, and pushed again at the next login (3.9 replaces, so twice is harmless)")
  void lostAnswerRetriedAtLogin() throws Exception {
    User jane = trader();
    ctrader.loseAnswerOfNext(SHOW_RIBBONS);

    assertEquals(Publication.FAILED, publisher.publishTo(jane.id()));
    assertEquals(Publication.PUBLISHED, publisher.publishIfPending(jane.id()));

    assertEquals(List.of(DEPOSIT, KYC), sandbox.ribbonsOf(jane.ctidUserId()));
    assertEquals(2, ctrader.acted(SHOW_RIBBONS));
  }

  @Test
  @DisplayName("a trader never pushed to (signed up before ribbons) gets them at the next login")
  void neverPushedIsPending() throws Exception {
    User jane = trader();
    assertTrue(publications.isPending(jane.id()));
    assertEquals(Publication.PUBLISHED, publisher.publishIfPending(jane.id()));
  }

  @Test
  @DisplayName("a user cTrader does not know yet is left pending")
  void notInCtrader() throws Exception {
    tx.begin();
    long userId = users.register(null, "ribbon." + UUID.randomUUID() + "@example.org").id();
    tx.commit();

    assertEquals(Publication.NOT_IN_CTRADER, publisher.publishTo(userId));
    assertTrue(publications.isPending(userId));
    assertEquals(0, ctrader.acted(SHOW_RIBBONS));
  }

  @Test
  @DisplayName("KYC approved: the until-kyc-approved ribbon is withdrawn from cTrader")
  void kycApprovalWithdrawsTheKycRibbon() throws Exception {
    User jane = trader();
    publisher.publishTo(jane.id());

    kyc.submit(jane.id(), null, SandboxDecision.APPROVE);

    assertEquals(List.of(DEPOSIT), sandbox.ribbonsOf(jane.ctidUserId()));
    assertFalse(publications.isPending(jane.id()));
  }

  @Test
  @DisplayName("a push to everybody reaches traders never pushed to, in the background")
  void publishToAll() throws Exception {
    User jane = trader();
    User joe = trader();

    assertTrue(publisher.publishToAll("test"));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (publisher.rollout().running() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }

    assertFalse(publisher.rollout().running());
    assertEquals(List.of(DEPOSIT, KYC), sandbox.ribbonsOf(jane.ctidUserId()));
    assertEquals(List.of(DEPOSIT, KYC), sandbox.ribbonsOf(joe.ctidUserId()));
    assertFalse(publications.isPending(jane.id()));
    assertFalse(publications.isPending(joe.id()));
  }

  /** A broker user whose cTrader user exists in the sandbox, as after signup. */
  private User trader() throws Exception {
    String email = "ribbon." + UUID.randomUUID() + "@example.org";
    long ctidUserId = sandbox.createUser(CreateUserRequest.of(email, "Jane", "en"));
    tx.begin();
    User user = users.register(ctidUserId, email);
    tx.commit();
    return user;
  }
}
