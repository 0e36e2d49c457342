package org.brokersso.ctrader.entity;

/**
 * Body of call 3.2. {@code brokerCrmName} is filled in by the backend from configuration when the
 * caller leaves it null. The key is spelled {@code nickName}, as in the spec's tables (see
 * docs/contract-choices.md, backend row B3).
 */
public record CreateUserRequest(
    String brokerCrmName,
    String email,
    String firstName,
    String nickName,
    String preferredLanguage) {

  public static CreateUserRequest of(String email, String firstName, String preferredLanguage) {
    return new CreateUserRequest(null, email, firstName, null, preferredLanguage);
  }

  public CreateUserRequest forCrm(String brokerCrmName) {
    return this.brokerCrmName != null
        ? this
        : new CreateUserRequest(brokerCrmName, email, firstName, nickName, preferredLanguage);
  }
}
