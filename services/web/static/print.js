// The print button of the print page: shown only where JavaScript runs (the browser's own print works anyway).
(function () {
  var button = document.getElementById("afdrukken");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
}());
