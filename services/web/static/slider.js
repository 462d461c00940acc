// Progressive enhancement of the date picker: a slider through the network's lifetime.
// Without JavaScript the slider stays hidden and the date field with its button does the same job.
(function () {
  var box = document.querySelector(".slider");
  var field = document.getElementById("op");
  if (!box || !field) { return; }
  var slider = document.getElementById("schuif");
  var opened = new Date(box.getAttribute("data-opened") + "T12:00:00Z");
  function dayOf(offset) {
    var day = new Date(opened.getTime() + offset * 86400000);
    return day.toISOString().slice(0, 10);
  }
  box.hidden = false;
  slider.addEventListener("input", function () {
    field.value = dayOf(Number(slider.value));
    slider.setAttribute("aria-valuetext", field.value);
  });
  slider.addEventListener("change", function () {
    field.value = dayOf(Number(slider.value));
    field.form.submit();
  });
}());
