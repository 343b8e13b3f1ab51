/**
 * The Flamenco-compatible worker protocol: HTTP workers register, take frames as tasks, report
 * progress and logs; operators list workers and request status changes. Owns the worker tables.
 */
package dev.cuegate.worker;
