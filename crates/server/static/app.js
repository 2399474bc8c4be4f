// Commons: small enhancements only. Every page works without this file.
(function () {
  "use strict";

  // Phones: the language switcher, the menu and the filters fold into disclosures; wider
  // screens keep them open (their summaries are hidden there). Without this script everything
  // stays open.
  document.documentElement.classList.add("js");
  var phone = window.matchMedia("(max-width: 36rem)");
  var singleColumn = window.matchMedia("(max-width: 60rem)");
  function fold() {
    document.querySelectorAll(".site-header details.disclosure").forEach(function (d) {
      d.open = !phone.matches;
    });
    document.querySelectorAll("details.filters-menu").forEach(function (d) {
      d.open = !singleColumn.matches;
    });
  }
  fold();
  phone.addEventListener("change", fold);
  singleColumn.addEventListener("change", fold);
  // One header disclosure at a time, and Escape closes them.
  var headerMenus = document.querySelectorAll(".site-header details.disclosure");
  headerMenus.forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (!d.open || !phone.matches) return;
      headerMenus.forEach(function (other) {
        if (other !== d) other.open = false;
      });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !phone.matches) return;
    headerMenus.forEach(function (d) {
      if (d.open) {
        d.open = false;
        d.querySelector("summary").focus();
      }
    });
  });

  // After a filter or a sort, continue from the results (the links and the sort form end in
  // #results-count). The sort applies with its button only: a select that submitted on change
  // reloaded the page at each arrow key.
  if (location.hash === "#results-count") {
    var results = document.getElementById("results-count");
    if (results) results.focus();
  }

  // A logo or screenshot that fails to load is hidden rather than shown broken.
  document.querySelectorAll("img.logo, .screenshots img").forEach(function (img) {
    function hide() {
      var item = img.closest("li") || img;
      item.hidden = true;
      var mark = document.querySelector(".logo-fallback");
      if (mark && img.classList.contains("logo")) mark.hidden = false;
    }
    if (img.complete && img.naturalWidth === 0) hide();
    else img.addEventListener("error", hide);
  });

  // After a validation, move focus to the verdict so screen readers announce it.
  var verdict = document.getElementById("verdict-heading");
  if (verdict) verdict.focus();

  // A chosen file replaces the pasted text's role: say so next to the field.
  var file = document.getElementById("file");
  var source = document.getElementById("source");
  if (file && source) {
    file.addEventListener("change", function () {
      source.disabled = file.files && file.files.length > 0;
    });
  }
})();
