// The article upload (dcc.Upload, id "article-upload") drops a file its `accept` or `max_size`
// refuses without a word. This says why in the upload's note, in the server's wording
// (dashboard.intake.article.check_upload). The numbers mirror the Python constants
// (MAX_UPLOAD_BYTES, the layout's max_size, ACCEPTED_SUFFIXES); a test keeps them equal.
(function () {
  var LIMIT = 2000000;          // MAX_UPLOAD_BYTES
  var BROWSER_MAX = 8000000;    // dcc.Upload max_size: bigger files never leave the browser
  var SUFFIXES = [".txt", ".text", ".html", ".htm"];

  function problem(file) {
    var name = file.name || "upload";
    var lower = name.toLowerCase();
    var dot = lower.lastIndexOf(".");
    if (dot > 0 && SUFFIXES.indexOf(lower.slice(dot)) < 0) {
      return name + ": not a text or HTML file (" + lower.slice(dot) + "); save the article as .txt, .text, .html or .htm";
    }
    if (file.size > BROWSER_MAX) {
      return name + ": " + file.size.toLocaleString("en-US") + " bytes is over the " +
        LIMIT.toLocaleString("en-US") + "-byte limit for an article";
    }
    return null;
  }

  function onFiles(ev) {
    var target = ev.target;
    if (!target || !target.closest || !target.closest("#article-upload")) { return; }
    var files = (ev.dataTransfer && ev.dataTransfer.files) || target.files;
    if (!files || !files.length || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    var message = problem(files[0]);
    if (message) {
      window.dash_clientside.set_props("article-upload-note", {
        children: {namespace: "dash_html_components", type: "Div",
                   props: {children: message, className: "alert alert-danger py-1 small mb-0", role: "alert"}}
      });
    }
  }

  document.addEventListener("drop", onFiles, true);
  document.addEventListener("change", onFiles, true);
})();
