/* 朗读全文 (read aloud with the browser's own speech synthesis) and 打印本页.
   Progressive enhancement: the buttons are hidden in the HTML and shown only when the
   browser supports what they do. Nothing is fetched; the voice is the system's own. */
(function () {
  "use strict";
  var tools = document.querySelector("[data-reading-tools]");
  if (!tools) { return; }
  var printButton = tools.querySelector("[data-print]");
  if (printButton && typeof window.print === "function") {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  var start = tools.querySelector("[data-read-aloud]");
  var stop = tools.querySelector("[data-read-stop]");
  var synth = window.speechSynthesis;
  if (!start || !stop || !synth || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var root = tools.closest("article") || document.querySelector("main");
  var reading = false;

  function sentences() {
    var clone = root.cloneNode(true);
    clone.querySelectorAll("[data-reading-tools], .no-print, script, style, nav, [hidden]").forEach(function (el) {
      el.remove();
    });
    var text = (clone.innerText || clone.textContent || "").replace(/\s+/g, " ").trim();
    // Short pieces: some engines stop long utterances after about fifteen seconds.
    return text.match(/[^。！？!?；;]+[。！？!?；;]?/g) || [];
  }
  function setReading(on) {
    reading = on;
    start.setAttribute("aria-pressed", on ? "true" : "false");
    start.textContent = on ? "正在朗读…" : "朗读全文";
    stop.hidden = !on;
  }
  function finish() { synth.cancel(); setReading(false); }

  start.hidden = false;
  start.addEventListener("click", function () {
    if (reading) { return; }
    synth.cancel();
    var parts = sentences();
    if (!parts.length) { return; }
    setReading(true);
    parts.forEach(function (part, i) {
      var utterance = new SpeechSynthesisUtterance(part);
      utterance.lang = document.documentElement.lang === "zh-Hant" ? "zh-TW" : "zh-CN";
      utterance.rate = 0.9;
      if (i === parts.length - 1) { utterance.onend = function () { setReading(false); }; }
      utterance.onerror = function () { setReading(false); };
      synth.speak(utterance);
    });
  });
  stop.addEventListener("click", function () { finish(); start.focus(); });
  document.addEventListener("keydown", function (event) {
    if (reading && event.key === "Escape") { finish(); }
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
