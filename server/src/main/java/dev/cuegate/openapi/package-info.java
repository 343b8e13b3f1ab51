/**
 * The OpenAPI 3 document generated from the descriptors and the proto comments, and the page to
 * browse and try the API.
 */
package dev.cuegate.openapi;
