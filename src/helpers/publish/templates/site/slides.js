// The deck: reveal.js with slide numbers, overview (O or Esc), speaker notes (S) and PDF printing (?print-pdf).
(function () {
  Reveal.initialize({
    hash: true,             // each slide has its own address (#/3), so a link or a reload keeps the place
    slideNumber: "c/t",     // "3/42": the numbers the teacher guide cites
    showSlideNumber: "all",
    width: 1280, height: 800, margin: 0.03,
    center: false,
    transition: "none",     // nothing moves but the content; calmer, and printing is exact
    controls: true, progress: true,
    pdfMaxPagesPerSlide: 1,
    plugins: [RevealNotes]
  });
})();
