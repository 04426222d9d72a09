// Duplicate confirmations in the admin. In Wagtail's multiple uploader, "new version" and "not a
// duplicate" are recorded here before Wagtail's own handler shows the edit form (it removes the
// buttons, so this listens in the capture phase); "reuse" is Wagtail's delete link. On other pages
// (large uploads, the review page after a single-file form) the block is standalone: every button
// records its decision, then says so; after "reuse" the links to the removed upload go away.
// Wagtail's document uploader has no duplicate step of its own: there the block sits above the
// edit form and goes once a decision is recorded.
document.addEventListener(
  "click",
  (event) => {
    const button = event.target.closest("[data-duplicate-decision-url]");
    if (!button) return;
    const block = button.closest("[data-duplicate-matches]");
    const token = button.form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const recorded = fetch(button.dataset.duplicateDecisionUrl, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
      keepalive: true,
    });
    if (block && block.hasAttribute("data-standalone")) {
      event.preventDefault();
      recorded.then((response) => {
        if (!response.ok) return;
        block.replaceWith(block.dataset.recorded);
        if (button.dataset.duplicateDecision === "reuse") {
          document.querySelectorAll("[data-hidden-after-reuse]").forEach((link) => link.remove());
          document.dispatchEvent(new CustomEvent("duplicates:reused"));
        }
      });
    } else if (block && block.hasAttribute("data-above-form")) {
      recorded.then((response) => {
        if (response.ok && block.isConnected) block.remove();
      });
    }
  },
  true,
);
