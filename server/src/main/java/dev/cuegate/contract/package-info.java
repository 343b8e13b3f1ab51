/**
 * OpenCue's contract as the gateway serves it: the methods of the compiled descriptors, alias
 * paths, hidden services, and {@link dev.cuegate.contract.Operation}, the name by which the policy
 * and the audit log know a route.
 */
package dev.cuegate.contract;
