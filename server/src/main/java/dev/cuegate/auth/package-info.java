/**
 * Bearer tokens: verifying JWTs (HMAC, and ES256 for Shaman), caching verified tokens, and the
 * {@link dev.cuegate.auth.Principal} a verified token becomes.
 */
package dev.cuegate.auth;
