// The page-wide code toggle of a notebook page: opens or folds every "Show code" cell at once.
(function () {
  var button = document.getElementById("h20-code-toggle");
  if (!button) { return; }
  button.hidden = false;  // without script the per-cell toggles still work, so the button only shows with it
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-pressed") !== "true";
    document.querySelectorAll("details.h20-code").forEach(function (d) { d.open = open; });
    button.setAttribute("aria-pressed", open ? "true" : "false");
    button.textContent = open ? "Hide all code" : "Show all code";
  });
})();
