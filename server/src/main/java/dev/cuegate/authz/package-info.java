/**
 * The authorization policy: which operations the values of one claim of a token allow, read from
 * {@code AUTHZ_POLICY_FILE}.
 */
package dev.cuegate.authz;
