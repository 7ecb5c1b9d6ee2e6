// Keyboard navigation between slides.
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll(".h20-slide"));
  function current() {
    var best = 0, top = Infinity;
    slides.forEach(function (s, i) { var d = Math.abs(s.getBoundingClientRect().top); if (d < top) { top = d; best = i; } });
    return best;
  }
  document.addEventListener("keydown", function (e) {
    if (e.target && (e.target.tagName === "INPUT" || e.target.tagName === "SELECT")) return;
    var i = current();
    if (["ArrowRight", "ArrowDown", "PageDown", " "].indexOf(e.key) >= 0) i = Math.min(i + 1, slides.length - 1);
    else if (["ArrowLeft", "ArrowUp", "PageUp"].indexOf(e.key) >= 0) i = Math.max(i - 1, 0);
    else if (e.key === "Home") i = 0;
    else if (e.key === "End") i = slides.length - 1;
    else return;
    e.preventDefault();
    slides[i].scrollIntoView();
  });
})();
