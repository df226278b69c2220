/* The site opened from the file system (the offline copy, file://): what a browser refuses there.
 *
 * - Addresses end in a folder ("modules/intake/"), which a web server completes with index.html
 *   and the file system does not: a click on such a link goes to its index.html.
 * - Material's search runs in a Web Worker, and a browser starts no worker from a file:// page.
 *   Here the worker's script runs in a hidden frame of the page instead, with the same messages
 *   (Material loads the search index itself, as search/search_index.js, when on file://).
 *
 * Online (http, https) this script does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.defaultPrevented || link.target === "_blank") return;
    var url = new URL(link.href, location.href);
    if (url.protocol === "file:" && url.pathname.slice(-1) === "/") {
      event.preventDefault();
      url.pathname += "index.html";
      location.href = url.href;
    }
  }, true);

  function loadScript(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      doc.head.appendChild(script);
    });
  }

  function FrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    document.documentElement.appendChild(frame);
    var scope = frame.contentWindow;
    var queue = [];
    var ready = false;
    // A worker resolves the addresses it is given against its own script.
    var script = new URL(url, location.href).href;
    // The worker's global functions, as the worker's own scope would have them.
    scope.postMessage = function (data) {
      target.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
    };
    scope.importScripts = function () {  // Material waits for the promise (it yields on it)
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (done, src) {
        return done.then(function () {
          return loadScript(scope.document, new URL(src, script).href);
        });
      }, Promise.resolve());
    };
    function deliver(data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: scope.structuredClone(data) }));
    }
    loadScript(scope.document, script).then(function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    });
    target.postMessage = function (data) { if (ready) deliver(data); else queue.push(data); };
    target.terminate = function () { frame.remove(); };
    return target;
  }

  window.Worker = FrameWorker;
})();
