/**
 * The e-mails the identity screens send (password reset, welcome after signup), written in the
 * user's language and sent over SMTP; with no SMTP server configured they are kept in an in-memory
 * outbox instead, which the sandbox shows.
 */
package org.brokersso.mail;
