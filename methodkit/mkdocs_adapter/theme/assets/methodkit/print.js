/* A print button for readers who look for one; Ctrl+P does the same. */
document.querySelectorAll("[data-mk-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

/* "Copy the credit line": puts the attribution on the clipboard. The text is the one beside the
   button, never looked up by an id: a page's content may carry any id (a heading gets one). */
document.querySelectorAll("[data-mk-copy]").forEach(function (button) {
  var source = button.parentElement.querySelector(".mk-credit__text");
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
