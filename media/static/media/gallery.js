/* Progressive enhancement for photo galleries: previous/next buttons after each photo and
   the arrow keys move between photos. Without this script every photo is simply listed. */
(function () {
  "use strict";

  function enhance(gallery) {
    var items = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-item]"));
    if (items.length < 2) {
      return;
    }

    function show(index) {
      var target = items[Math.max(0, Math.min(items.length - 1, index))];
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    }

    function button(label, index) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      if (index < 0 || index >= items.length) {
        b.disabled = true;
      } else {
        b.addEventListener("click", function () { show(index); });
      }
      return b;
    }

    items.forEach(function (item, i) {
      var controls = document.createElement("div");
      controls.className = "gallery-controls";
      controls.setAttribute("role", "group");
      controls.setAttribute("aria-label", "第 " + (i + 1) + " 张，共 " + items.length + " 张");
      controls.appendChild(button("上一张", i - 1));
      controls.appendChild(button("下一张", i + 1));
      item.insertAdjacentElement("afterend", controls);
    });

    gallery.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") {
        return;
      }
      var tag = event.target.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
        return;
      }
      var current = items.findIndex(function (item) { return item.contains(event.target); });
      if (current === -1) {
        var controls = event.target.closest(".gallery-controls");
        current = controls ? items.indexOf(controls.previousElementSibling) : 0;
      }
      event.preventDefault();
      show(current + (event.key === "ArrowRight" ? 1 : -1));
    });
  }

  document.querySelectorAll("[data-gallery]").forEach(enhance);
})();
