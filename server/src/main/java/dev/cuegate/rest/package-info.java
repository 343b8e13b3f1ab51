/**
 * The RPC routes ({@code POST /<package>.<Service>/<Method>}) and the decorators every route a
 * person calls passes: CORS, in-flight and rate limits, bearer token, audit, authorization; one
 * JSON error body for every refusal.
 */
package dev.cuegate.rest;
