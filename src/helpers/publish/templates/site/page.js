// The page-wide code toggle of a notebook page: opens or folds every "Show code" cell at once.
(function () {
  var button = document.getElementById("h20-code-toggle");
  if (!button) { return; }
  button.hidden = false;  // without script the per-cell toggles still work, so the button only shows with it
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-pressed") !== "true";
    document.querySelectorAll("details.h20-code").forEach(function (d) { d.open = open; });
    button.setAttribute("aria-pressed", open ? "true" : "false");
    // the words come from the page (its edition's language), English if a page has none
    button.textContent = open ? (button.dataset.hide || "Hide all code") : (button.dataset.show || "Show all code");
  });
})();

// The report's sliders show their value as people write numbers: 1,250,000, not the browser's 1250000.
// Vega writes the raw value into the span after the slider when a chart goes live and after each move; the observer tidies
// it each time (its own edit changes nothing the second time round, so it does not loop).
(function () {
  function tidy(span) {
    // in the page's language: 1,250,000 and 0.5 on an English page, 1 250 000 and 0,5 on a French one
    var french = document.documentElement.lang === "fr";
    var locale = french ? "fr-FR" : "en-US";
    var raw = french ? span.textContent.replace(/[\s\u202f\u00a0]/g, "").replace(",", ".")
                     : span.textContent.replace(/,/g, "");
    if (!/^-?\d+(\.\d+)?$/.test(raw) || (Math.abs(+raw) < 1000 && !french)) { return; }
    var shown = Number(raw).toLocaleString(locale, {maximumFractionDigits: 2});
    if (span.textContent !== shown) { span.textContent = shown; }
  }
  new MutationObserver(function () {
    document.querySelectorAll(".vega-bind input[type=range] + span, label > input[type=range] + span").forEach(tidy);
  }).observe(document.body, {childList: true, subtree: true});
})();
