// The API browser: Swagger UI over the gateway's own generated description. Calls go to this
// same origin with the token set through the Authorize button.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // About 280 operations: keep them folded until asked for, and let people filter by tag.
  docExpansion: "none",
  filter: true,
  defaultModelsExpandDepth: -1,
  displayRequestDuration: true,
  tryItOutEnabled: true,
  validatorUrl: null
});
