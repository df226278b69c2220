/* Filters for the module catalogue and the practice library.
 *
 * The page works without this script: it lists everything. The script shows
 * the filter form, hides the items that do not match, keeps the choice in the
 * address (so a filtered list can be shared) and announces the count.
 */
(function () {
  "use strict";

  function setup(box) {
    var form = box.querySelector("[data-mk-filters]");
    if (!form) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var tiles = Array.prototype.slice.call(box.querySelectorAll(".mk-tile"));
    var groups = Array.prototype.slice.call(box.querySelectorAll(".mk-group"));
    var count = form.querySelector(".mk-filters__count");

    function apply(updateAddress) {
      var chosen = selects.filter(function (s) { return s.value; });
      var shown = 0;
      tiles.forEach(function (tile) {
        var match = chosen.every(function (s) {
          return (tile.getAttribute("data-" + s.name) || "").split(" ").indexOf(s.value) !== -1;
        });
        tile.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".mk-tile:not([hidden])");
      });
      var text = shown === 0 ? count.dataset.none : (shown === 1 ? count.dataset.one : count.dataset.other);
      count.textContent = text.replace("{n}", shown).replace("{total}", count.dataset.total);
      if (updateAddress) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (s) {
          if (s.value) params.set(s.name, s.value); else params.delete(s.name);
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var wanted = params.get(s.name);
      if (wanted && s.querySelector('option[value="' + CSS.escape(wanted) + '"]')) s.value = wanted;
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    // On a phone the selects fold away, so that the count and the first results fit the first screen.
    var fold = form.querySelector(".mk-filters__fold");
    if (fold && window.matchMedia("(max-width: 44.9375em)").matches) {
      fold.open = selects.some(function (s) { return s.value; });
    }
    apply(false);
  }

  document.querySelectorAll(".mk-filterable").forEach(setup);
})();
