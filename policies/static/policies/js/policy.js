/* Progressive enhancement: "复制链接" copies the article's full URL; the page works without it. */
(function () {
  "use strict";
  function absolute(hash) {
    return window.location.href.split("#")[0] + hash;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-copy-link]") : null;
    if (!link || !navigator.clipboard) { return; }
    var url = absolute(link.getAttribute("href"));
    navigator.clipboard.writeText(url).then(function () {
      var original = link.textContent;
      link.textContent = "已复制";
      window.setTimeout(function () { link.textContent = original; }, 2000);
    });
  });
})();
