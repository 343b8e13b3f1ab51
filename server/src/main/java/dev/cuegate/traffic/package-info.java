/**
 * Rate limiting: token buckets per caller, bounded in number.
 */
package dev.cuegate.traffic;
