/**
 * What every secret token of the product has in common, whatever it is for (the contract's tokens
 * in {@code sso}, password-reset links in {@code user}): 256 random bits with a kind prefix, stored
 * only as a SHA-256 hash, looked up by that hash, with an expiry.
 */
package org.brokersso.tokens;
