package org.brokersso.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.brokersso.tokens.entity.TokenKind;
import org.junit.jupiter.api.Test;

class TokenHasherTest {

  @Test
  void hashIsTheHexSha256OfTheToken() {
    // echo -n abc | sha256sum
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        TokenHasher.hash("abc"));
  }

  @Test
  void mintedTokensHaveTheirKindsFormatAndAreStoredOnlyAsTheirHash() {
    TokenMint mint = new TokenMint();
    for (TokenKind kind : TokenKind.values()) {
      TokenMint.MintedToken token = mint.mint(kind);
      assertTrue(kind.isWellFormed(token.value()), token.value());
      assertEquals(TokenHasher.hash(token.value()), token.hash());
      assertFalse(token.toString().contains(token.value()), "toString must not reveal the token");
      for (TokenKind other : TokenKind.values()) {
        if (other != kind) {
          assertFalse(other.isWellFormed(token.value()), kind + " token passes as " + other);
        }
      }
    }
  }

  @Test
  void mintedTokensDoNotRepeat() {
    TokenMint mint = new TokenMint();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(mint.mint(TokenKind.ONE_TIME).value()));
    }
  }

  @Test
  void formatCheckRejectsNearMisses() {
    String good = new TokenMint().mint(TokenKind.ACCESS).value();
    assertTrue(TokenKind.ACCESS.isWellFormed(good));
    assertFalse(TokenKind.ACCESS.isWellFormed(null));
    assertFalse(TokenKind.ACCESS.isWellFormed(good + "A"));
    assertFalse(TokenKind.ACCESS.isWellFormed(good.substring(0, good.length() - 1)));
    assertFalse(TokenKind.ACCESS.isWellFormed(good.substring(0, good.length() - 1) + "="));
    assertFalse(TokenKind.ACCESS.isWellFormed(" " + good));
    assertNotEquals(TokenHasher.hash(good), TokenHasher.hash(good.toUpperCase()));
  }
}
