package org.brokersso.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.brokersso.ContractIT;
import org.brokersso.ScreenForms;
import org.brokersso.ScreenForms.Form;
import org.brokersso.TestMailbox;
import org.brokersso.TestMailbox.Mail;
import org.brokersso.Traders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a stranger can do with the signup, login and reset forms alone, over plain HTTP: put text of
 * their own into the broker's mail (names), reach an account through another spelling of its
 * address, or learn which addresses are registered. Not a browser test, so it runs on MySQL/MariaDB
 * too ({@code -Pdatabase}), where the column's collation decides what an address matches.
 */
class SignupSecurityIT extends ContractIT {

  private static final String SIGNUP = "/auth/login?firstLogin=true&lang=en";
  private static final String LOGIN = "/auth/login?lang=en";
  private static final String FORGOT = "/auth/forgot?lang=en";

  @BeforeAll
  static void mailbox() {
    TestMailbox.start();
  }

  // --- names (point 3) ----------------------------------------------------------------------

  @Test
  @DisplayName(
      "a first name carrying a sentence, a link, markup or control characters is refused at signup")
  void namesThatAreNotNamesAreRefused() {
    for (String name :
        List.of(
            "there. Your account is on hold until you verify it at https://example.invalid/login",
            "www.example.invalid",
            "Ada\u0007",
            "Ada\u202Eevil",
            "<b>Ada</b>",
            "Ada:",
            "x".repeat(61))) {
      ScreenForms screens = new ScreenForms(ctrader.base());
      HttpResponse<String> answer = signUp(screens, fresh(), name);
      assertEquals(200, answer.statusCode(), "refused, the form stays: " + name);
      assertTrue(
          answer.body().contains("Please enter your first name"),
          "with the name's message: " + name);
      assertFalse(
          answer.body().contains("href=\"https://example.invalid"),
          "nothing in the answer links where the name points: " + name);
    }
  }

  @Test
  @DisplayName("names of people are accepted: accents, marks, apostrophes, hyphens, other scripts")
  void namesOfPeopleAreAccepted() {
    for (String name :
        List.of(
            "José", "Zoë", "O'Brien", "Anne-Marie", "محمد", "Nguyễn Văn", "Ａｄａ", "e\u0301ric")) {
      HttpResponse<String> answer = signUp(new ScreenForms(ctrader.base()), fresh(), name);
      assertEquals(302, answer.statusCode(), "accepted: " + name + " " + answer.body());
    }
  }

  // --- one canonical address (point 4) ------------------------------------------------------

  @Test
  @DisplayName(
      "accented variants of a trader's address are other addresses: they do not log in with the trader's password; case and width variants do")
  void accentVariantsAreOtherAddresses() {
    String local = "alice-" + UUID.randomUUID();
    String email = local + "@example.com";
    registered(email);
    for (String variant :
        List.of(
            "alíce" + local.substring(5),
            "àlice" + local.substring(5),
            "alicé" + local.substring(5))) {
      HttpResponse<String> refused = logIn(variant + "@example.com");
      assertEquals(200, refused.statusCode(), variant + " is not the trader's address");
      assertTrue(
          refused.body().contains("The e-mail or the password is wrong."),
          variant + ": " + refused.body());
    }
    for (String same :
        List.of(
            email.toUpperCase(java.util.Locale.ROOT),
            "  " + email + " ",
            "\uFF21lice" + local.substring(5) + "@example.com")) {
      HttpResponse<String> admitted = logIn(same);
      assertEquals(302, admitted.statusCode(), "'" + same + "' is the trader's address");
      assertEquals("/account/create", pathOf(admitted));
    }
  }

  @Test
  @DisplayName(
      "an accented variant of a registered address is a new address at signup, answered like any other")
  void accentVariantSignsUpAsANewAddress() {
    String local = "bob-" + UUID.randomUUID();
    registered(local + "@example.com");
    HttpResponse<String> variant =
        signUp(new ScreenForms(ctrader.base()), "böb" + local.substring(3) + "@example.com", "Bob");
    assertEquals(302, variant.statusCode(), variant.body());
    assertEquals("/auth/confirm", pathOf(variant));
  }

  private HttpResponse<String> logIn(String email) {
    ScreenForms screens = new ScreenForms(ctrader.base());
    Form login = screens.form(LOGIN, "login");
    return screens.submit(
        login,
        Map.of("login:email", email, "login:password", Traders.PASSWORD, "login:submit", "Log in"));
  }

  // --- enumeration (point 6) ----------------------------------------------------------------

  @Test
  @DisplayName(
      "signing up with a registered address answers exactly as with a new one; its owner is told by mail, and no code can finish it")
  void signupOfARegisteredAddressLooksNew() {
    String taken = fresh();
    registered(taken);
    String free = fresh();

    ScreenForms again = new ScreenForms(ctrader.base());
    ScreenForms anew = new ScreenForms(ctrader.base());
    HttpResponse<String> toTaken = signUp(again, taken, "Mallory");
    HttpResponse<String> toFree = signUp(anew, free, "Mallory");
    assertEquals(toFree.statusCode(), toTaken.statusCode(), toTaken.body());
    assertEquals(ScreenForms.location(toFree), ScreenForms.location(toTaken));
    assertEquals(
        comparable(toFree.body(), free), comparable(toTaken.body(), taken), "the same page");

    HttpResponse<String> pageTaken = again.get(ScreenForms.location(toTaken));
    HttpResponse<String> pageFree = anew.get(ScreenForms.location(toFree));
    assertEquals(200, pageTaken.statusCode());
    assertEquals(comparable(pageFree.body(), free), comparable(pageTaken.body(), taken));

    Mail notice = TestMailbox.awaitMail(taken, "already");
    assertTrue(notice.body().contains("tried to"), notice.body());
    assertFalse(notice.body().contains("Mallory"), "nothing the stranger typed is mailed");
    String code = TestMailbox.signupCode(free);

    HttpResponse<String> wrongTaken = confirm(again, code);
    HttpResponse<String> wrongFree = confirm(anew, code.equals("000000") ? "000001" : "000000");
    assertEquals(200, wrongTaken.statusCode(), "no code finishes a signup of a taken address");
    assertEquals(wrongFree.statusCode(), wrongTaken.statusCode());
    assertEquals(comparable(wrongFree.body(), free), comparable(wrongTaken.body(), taken));
    assertEquals(
        1,
        TestMailbox.mailsTo(taken).stream().filter(Mail::isSignupCode).count(),
        "the owner got the code of their own signup only");
    HttpResponse<String> finished = confirm(anew, code);
    assertEquals("/account/create", pathOf(finished), "the new address signs up");
  }

  @Test
  @DisplayName(
      "/auth/forgot answers the same for a registered and an unknown address; the registered one gets the link")
  void forgotAnswersAlike() {
    String known = fresh();
    registered(known);
    String unknown = fresh();
    long started = System.nanoTime();
    HttpResponse<String> toKnown = forgot(known);
    long knownMillis = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    HttpResponse<String> toUnknown = forgot(unknown);
    long unknownMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("forgot: registered %d ms, unknown %d ms%n", knownMillis, unknownMillis);
    assertEquals(200, toKnown.statusCode());
    assertEquals(toUnknown.statusCode(), toKnown.statusCode());
    assertEquals(comparable(toUnknown.body(), unknown), comparable(toKnown.body(), known));
    assertTrue(TestMailbox.awaitMail(known, "new password").body().contains("/auth/reset?token="));
  }

  @Test
  @DisplayName("/auth/forgot answers the same with the SMTP server down, registered or not")
  void forgotAnswersAlikeWithoutSmtp() {
    String known = fresh();
    registered(known);
    String unknown = fresh();
    HttpResponse<String> normal = forgot(unknown);
    TestMailbox.stop();
    try {
      HttpResponse<String> toKnown = forgot(known);
      HttpResponse<String> toUnknown = forgot(fresh());
      assertEquals(normal.statusCode(), toKnown.statusCode());
      assertEquals(comparable(normal.body(), unknown), comparable(toKnown.body(), known));
      assertEquals(comparable(normal.body(), unknown), comparable(toUnknown.body(), unknown));
    } finally {
      TestMailbox.start();
    }
  }

  private HttpResponse<String> forgot(String email) {
    ScreenForms screens = new ScreenForms(ctrader.base());
    Form form = screens.form(FORGOT, "forgot");
    return screens.submit(form, Map.of("forgot:email", email, "forgot:submit", "Send me a link"));
  }

  // --- steps --------------------------------------------------------------------------------

  private static String fresh() {
    return "signup-" + UUID.randomUUID() + "@example.com";
  }

  private HttpResponse<String> signUp(ScreenForms screens, String email, String firstName) {
    Form signup = screens.form(SIGNUP, "signup");
    return screens.submit(
        signup,
        Map.of(
            "signup:firstName",
            firstName,
            "signup:email",
            email,
            "signup:password",
            Traders.PASSWORD,
            "signup:terms",
            "on",
            "signup:submit",
            "Sign up"));
  }

  private static HttpResponse<String> confirm(ScreenForms screens, String code) {
    Form form = screens.form("/auth/confirm?lang=en", "confirm");
    return screens.submit(form, Map.of("confirm:code", code, "confirm:submit", "Confirm"));
  }

  /** A trader who finished signing up (the address confirmed with the mailed code). */
  private void registered(String email) {
    ScreenForms screens = new ScreenForms(ctrader.base());
    HttpResponse<String> signedUp = signUp(screens, email, "Ada");
    assertEquals(302, signedUp.statusCode(), signedUp.body());
    if (pathOf(signedUp).equals("/account/create")) {
      return; // the product before signup confirmed addresses
    }
    HttpResponse<String> confirmed = confirm(screens, TestMailbox.signupCode(email));
    assertEquals("/account/create", pathOf(confirmed), confirmed.body());
  }

  private static String pathOf(HttpResponse<String> answer) {
    return ScreenForms.location(answer).split("\\?", 2)[0];
  }

  /** A page without what differs between two visits: form tokens, view state, the address. */
  private static String comparable(String html, String email) {
    return html.replace(email, "EMAIL").replaceAll("value=\"[^\"]*\"", "value=\"\"");
  }
}
