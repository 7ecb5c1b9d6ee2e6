// Fills in the execution times (assets/timings.js) on the status page.
(function () {
  var t = window.H20_TIMINGS || {};
  document.querySelectorAll(".h20-seconds").forEach(function (td) {
    var v = t[td.getAttribute("data-notebook")];
    td.textContent = (typeof v === "number") ? v.toFixed(1) : "n/a";
  });
})();
