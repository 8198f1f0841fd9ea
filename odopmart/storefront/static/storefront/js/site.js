/* Small enhancements; every page works without them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Forms marked data-autosubmit apply a choice as soon as it is made.
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      var t = event.target;
      if (t.matches("select, input[type=radio], input[type=checkbox]")) {
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      }
    });
  });

  // Leave empty fields out of filter links: ?sort=price_asc rather than ?category=&sort=...
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (field.value === "" && field.type !== "radio" && field.type !== "checkbox") {
          field.disabled = true;
        }
      });
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-autosubmit] [disabled]").forEach(function (field) {
      field.disabled = false;
    });
  });

  // Filters start open on wide screens.
  if (window.matchMedia("(min-width: 60rem)").matches) {
    document.querySelectorAll("details.filters").forEach(function (d) { d.open = true; });
  }

  // Live narrowing of a tile list (the districts page) while typing.
  document.querySelectorAll("input[data-filter-list]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("data-filter-list"));
    if (!list) { return; }
    var status = document.getElementById(input.getAttribute("data-filter-status"));
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var shown = 0;
      list.querySelectorAll("[data-names]").forEach(function (item) {
        var match = !needle || item.getAttribute("data-names").indexOf(needle) !== -1;
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      list.querySelectorAll("[data-group]").forEach(function (group) {
        group.hidden = !group.querySelector("[data-names]:not([hidden])");
      });
      if (status) { status.textContent = shown; }
    });
  });
})();
