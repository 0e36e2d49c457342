package org.brokersso.funding.control;

/**
 * SANDBOX: how the sandbox's payment provider answers a payment, chosen by the trader on the
 * deposit or withdrawal screen in sandbox mode (so both paths can be tried without a real
 * provider). A live provider ignores it; the screens offer the choice only while {@code
 * RunMode.isSandbox()}.
 */
public enum SandboxOutcome {
  APPROVE,
  DECLINE
}
