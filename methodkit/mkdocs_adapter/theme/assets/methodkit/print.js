/* A print button for readers who look for one; Ctrl+P does the same. */
document.querySelectorAll("[data-mk-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

/* "Copy the credit line": puts the attribution on the clipboard. */
document.querySelectorAll("[data-mk-copy]").forEach(function (button) {
  var source = document.getElementById(button.getAttribute("data-mk-copy"));
  if (!source || !navigator.clipboard) return;
  var label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = button.getAttribute("data-copied");
      window.setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
});
