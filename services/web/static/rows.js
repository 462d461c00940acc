// Rows added in place: a button with data-add copies its <template> into the list it names, numbered on, and
// puts the cursor in the new row. Without JavaScript the same button posts the form, which comes back with one
// more row and everything typed so far.
(function () {
  "use strict";
  var live = document.getElementById("rijen-gemeld");

  function filled(html, values) {
    Object.keys(values).forEach(function (key) { html = html.split(key).join(values[key]); });
    return html;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-add]");
    if (!button) { return; }
    var template = document.getElementById(button.getAttribute("data-template"));
    var list = document.getElementById(button.getAttribute("data-target"));
    if (!template || !list) { return; }
    event.preventDefault();
    var next = Number(list.getAttribute("data-next") || "0");
    var mark = button.getAttribute("data-add");
    var values = {};
    values["{" + mark + "}"] = String(next);
    values["{" + mark + "1}"] = String(next + 1);
    values["{n}"] = button.getAttribute("data-row") || "";
    values["{number}"] = button.getAttribute("data-number") || "";
    list.insertAdjacentHTML("beforeend", filled(template.innerHTML, values));
    list.setAttribute("data-next", String(next + 1));
    var added = list.lastElementChild;
    var first = added && added.querySelector("input:not([type=hidden]), select, textarea");
    if (first) { first.focus(); }
    if (live) { live.textContent = filled(button.getAttribute("data-announce") || "", values); }
  });
}());
