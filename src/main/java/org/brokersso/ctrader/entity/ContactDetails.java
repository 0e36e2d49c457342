package org.brokersso.ctrader.entity;

/**
 * {@code contactDetails} of a trader (call 3.3); {@code countryId} is the ISO 3166-1 numeric code.
 */
public record ContactDetails(
    String address,
    String city,
    Integer countryId,
    String documentId,
    String email,
    String phone,
    String state,
    String zipCode,
    String introducingBroker1,
    String introducingBroker2) {

  public static ContactDetails email(String email) {
    return new ContactDetails(null, null, null, null, email, null, null, null, null, null);
  }
}
