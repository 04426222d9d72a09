// Wagtail's document chooser has no duplicate step of its own. Its upload tab now answers a copy
// with the step the image chooser already handles ("duplicate_found", see
// search/duplicates/admin/choosers.py): the same handler, taught to the document chooser. Each
// button posts its decision; the server answers with the chooser's next step.
(function () {
  "use strict";
  function onDuplicateFound(modal, jsonData) {
    $("#tab-upload", modal.body).replaceWith(jsonData.htmlFragment);
    $(modal.body).on("click", ".use-existing-image", (event) => {
      event.preventDefault();
      const link = event.currentTarget;
      const token = $('input[name="csrfmiddlewaretoken"]', $(link).closest("form")).val();
      modal.postForm(link.href, { csrfmiddlewaretoken: token });
    });
  }
  function register() {
    const handlers = window.DOCUMENT_CHOOSER_MODAL_ONLOAD_HANDLERS;
    if (handlers && !handlers.duplicate_found) handlers.duplicate_found = onDuplicateFound;
  }
  register();
  document.addEventListener("DOMContentLoaded", register);
})();
