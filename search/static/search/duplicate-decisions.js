// Records "new version" / "not a duplicate" before Wagtail's multiple uploader shows the edit
// form (its own click handler removes the buttons, so this listens in the capture phase).
document.addEventListener(
  "click",
  (event) => {
    const button = event.target.closest("[data-duplicate-decision-url]");
    if (!button) return;
    const token = button.form.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(button.dataset.duplicateDecisionUrl, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
      keepalive: true,
    });
  },
  true,
);
