package org.brokersso.sso.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The enum mirrors the spec's error table (§4.1); a change here is a change of the wire contract.
 */
class ContractErrorTest {

  @Test
  void everyRowHasTheContractsStatusAndCode() {
    Map<ContractError, String> expected = new EnumMap<>(ContractError.class);
    expected.put(ContractError.MISSING_PARAMETER, "400 MISSING_REQUIRED_PARAMETER");
    expected.put(ContractError.INVALID_REQUEST, "400 INVALID_REQUEST");
    expected.put(ContractError.CLIENT_AUTH_FAILURE, "403 CH_CLIENT_AUTH_FAILURE");
    expected.put(ContractError.INAPP_TOKEN_MISMATCH, "403 INAPP_TOKEN_MISMATCH");
    expected.put(ContractError.TOKEN_NOT_FOUND, "404 TOKEN_NOT_FOUND");
    expected.put(ContractError.USER_NOT_FOUND, "404 USER_NOT_FOUND");
    expected.put(ContractError.TOKEN_EXPIRED, "410 CID_TOKEN_EXPIRED");
    expected.put(ContractError.TOKEN_MALFORMED, "417 CID_NON_EXISTED_TOKEN");
    expected.put(ContractError.UNAVAILABLE, "503 SERVICE_UNAVAILABLE");
    for (ContractError error : ContractError.values()) {
      assertEquals(expected.get(error), error.status() + " " + error.code(), error.name());
    }
  }
}
