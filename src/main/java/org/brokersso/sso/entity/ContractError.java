package org.brokersso.sso.entity;

/**
 * The error table of the endpoints spec (§4.1), row for row: HTTP status and code string. Where
 * Spotware defines no code (400, 404) the code is ours; see docs/contract-choices.md.
 */
public enum ContractError {
  MISSING_PARAMETER(400, "MISSING_REQUIRED_PARAMETER"),
  INVALID_REQUEST(400, "INVALID_REQUEST"),
  CLIENT_AUTH_FAILURE(403, "CH_CLIENT_AUTH_FAILURE"),
  INAPP_TOKEN_MISMATCH(403, "INAPP_TOKEN_MISMATCH"),
  TOKEN_NOT_FOUND(404, "TOKEN_NOT_FOUND"),
  USER_NOT_FOUND(404, "USER_NOT_FOUND"),
  TOKEN_EXPIRED(410, "CID_TOKEN_EXPIRED"),
  TOKEN_MALFORMED(417, "CID_NON_EXISTED_TOKEN"),
  /**
   * Not a refusal: the product cannot answer now (starting, database unreachable); the same call
   * may succeed later, as {@code Retry-After} says. Spotware defines no server-side code.
   */
  UNAVAILABLE(503, "SERVICE_UNAVAILABLE");

  private final int status;
  private final String code;

  ContractError(int status, String code) {
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
