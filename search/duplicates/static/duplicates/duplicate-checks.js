// "Checking for copies": the background part of a duplicate check (video frames, Chromaprint, a
// document's text) runs after the upload is stored. A block still checking names the URL that
// answers its next state; this asks it every two seconds, moves the progress bar, and puts the
// result in place once the check is over (the confirmation, or "not checked").
(function () {
  "use strict";
  const INTERVAL_MS = 2000;

  async function poll(block) {
    const response = await fetch(block.dataset.pollUrl, { credentials: "same-origin" });
    if (!response.ok) return;
    const answer = await response.json();
    if (answer.state === "checking") {
      const percent = Math.round(100 * (answer.progress || 0));
      block.querySelectorAll("[data-progress]").forEach((bar) => (bar.value = percent));
      block.querySelectorAll("[data-progress-text]").forEach((text) => {
        text.textContent = `${percent}%`;
      });
      return;
    }
    const template = document.createElement("template");
    template.innerHTML = answer.html || "";
    block.replaceWith(template.content);
  }

  setInterval(() => {
    document.querySelectorAll("[data-duplicates-check][data-poll-url]").forEach((block) => {
      if (block.dataset.polling) return;
      block.dataset.polling = "1";
      poll(block).finally(() => delete block.dataset.polling);
    });
  }, INTERVAL_MS);
})();
