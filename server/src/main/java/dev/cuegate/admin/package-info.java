/**
 * The admin port, apart from the API port: health, readiness (does the backend answer?) and
 * Prometheus metrics of requests, upstream calls and the JVM.
 */
package dev.cuegate.admin;
