// Starts Swagger UI on /api/docs with Kring's OpenAPI document (its address is on the page).
(function () {
  var box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: box.getAttribute("data-spec-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null  // no badge from validator.swagger.io: the page asks nothing of other sites
  });
}());
