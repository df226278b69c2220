/* A print button for readers who look for one; Ctrl+P does the same. */
document.querySelectorAll("[data-mk-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
