// A small tus 1.0.0 client for the admin: chunked PATCH with a progress bar, resume from the
// server's offset (HEAD) after a dropped connection or a page reload.
(function () {
  "use strict";
  const form = document.getElementById("tus-uploader");
  if (!form) return;
  const messages = JSON.parse(document.getElementById("tus-messages").textContent);
  const progress = document.getElementById("tus-progress");
  const statusLine = document.getElementById("tus-status");
  const cancelButton = document.getElementById("tus-cancel");
  const csrfToken = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const CHUNK = 8 * 1024 * 1024;
  const SMALL_ENOUGH_TO_HASH = 100 * 1024 * 1024;
  const RETRY_DELAYS = [1000, 2000, 5000, 10000, 20000, 30000];
  let cancelled = false;

  const headers = (extra) => Object.assign(
    { "Tus-Resumable": "1.0.0", "X-CSRFToken": csrfToken }, extra || {});
  const b64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  const say = (text) => { statusLine.textContent = text; };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const storageKey = (file) => `tus:${file.name}:${file.size}:${file.lastModified}`;

  async function sha256Hex(file) {
    const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  const postJson = async (url, body) => {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify(body),
    });
    return response.ok ? response.json() : null;
  };

  // Before a byte is sent: identical bytes anywhere in the library? Offer to reuse them.
  async function exactCopies(file) {
    if (file.size > SMALL_ENOUGH_TO_HASH || !window.crypto || !crypto.subtle) return null;
    const sha256 = await sha256Hex(file);
    const answer = await postJson(form.dataset.checkEndpoint, { sha256 });
    const matches = answer ? answer.matches.filter((match) => match.exact) : [];
    return matches.length ? { sha256, matches } : null;
  }

  function chooseReuse(file, found) {
    const box = document.getElementById("tus-exact");
    const list = box.querySelector("ul");
    list.replaceChildren(...found.matches.map((match) => {
      const item = document.createElement("li");
      const label = `${match.agency ? match.agency.name : ""}${match.title ? ` — ${match.title}` : ""}`;
      if (match.admin_url) {
        const link = Object.assign(document.createElement("a"), { href: match.admin_url, target: "_blank" });
        link.textContent = label;
        item.append(link);
      } else {
        item.textContent = `${label} (${messages.reference} ${match.reference.slice(0, 16)}…)`;
      }
      return item;
    }));
    box.hidden = false;
    return new Promise((resolve) => {
      box.querySelector("[data-reuse]").onclick = async () => {
        const first = found.matches[0];
        await postJson(form.dataset.decisionEndpoint, Object.assign(
          first.key ? { candidate: first.key } : { reference: first.reference },
          { decision: "reuse", sha256: found.sha256, filename: file.name, size: file.size }));
        box.hidden = true;
        resolve(true);
      };
      box.querySelector("[data-upload-anyway]").onclick = () => { box.hidden = true; resolve(false); };
    });
  }

  // After the upload: near copies (re-encoded, cropped, trimmed...) to decide about.
  async function showNearCopies(assetType, assetId) {
    const response = await fetch(`${form.dataset.duplicatesEndpoint}${assetType}/${assetId}/`,
      { credentials: "same-origin" });
    const answer = response.ok ? await response.json() : { count: 0 };
    document.getElementById("tus-duplicates").innerHTML = answer.html || "";
  }

  async function create(file) {
    const metadata = [
      ["filename", file.name], ["title", form.title.value || file.name],
      ["agency", form.agency.value],
    ].map(([key, value]) => `${key} ${b64(value)}`).join(",");
    const response = await fetch(form.dataset.endpoint, {
      method: "POST", credentials: "same-origin",
      headers: headers({ "Upload-Length": String(file.size), "Upload-Metadata": metadata }),
    });
    if (response.status !== 201) throw new Error((await response.json()).error);
    return response.headers.get("Location");
  }

  async function serverOffset(url) {
    const response = await fetch(url, { method: "HEAD", credentials: "same-origin", headers: headers() });
    if (response.status !== 200) return null;
    return Number(response.headers.get("Upload-Offset"));
  }

  function sendChunk(url, file, offset) {
    // XMLHttpRequest rather than fetch: it reports upload progress within a chunk.
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("PATCH", url);
      Object.entries(headers({ "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream" }))
        .forEach(([name, value]) => request.setRequestHeader(name, value));
      request.upload.onprogress = (event) => {
        progress.value = (100 * (offset + event.loaded)) / file.size;
      };
      request.onload = () => resolve(request);
      request.onerror = () => reject(new Error("network"));
      request.send(file.slice(offset, offset + CHUNK));
    });
  }

  async function run(file) {
    let url = localStorage.getItem(storageKey(file));
    let offset = url ? await serverOffset(url) : null;
    if (offset === null) {
      url = await create(file);
      localStorage.setItem(storageKey(file), url);
      offset = 0;
    }
    let failures = 0;
    // Until the server answers that the file became an asset: when every byte has arrived but
    // storing failed (503), an empty PATCH at the end asks it to finish.
    while (!cancelled) {
      say(`${messages.sending} ${file.name}`);
      try {
        const answer = await sendChunk(url, file, offset);
        if (answer.status === 204) {
          offset = Number(answer.getResponseHeader("Upload-Offset"));
          failures = 0;
          if (offset === file.size) return finished(file, answer);
          continue;
        }
        if (answer.status === 422 || answer.status === 410) return refused(file, answer);
        throw new Error(String(answer.status));
      } catch (error) {
        if (failures >= RETRY_DELAYS.length) throw error;
        say(messages.retrying);
        await sleep(RETRY_DELAYS[failures++]);
        const resumed = await serverOffset(url).catch(() => null);
        if (resumed !== null) offset = resumed;
      }
    }
    if (cancelled) {
      await fetch(url, { method: "DELETE", credentials: "same-origin", headers: headers() });
      localStorage.removeItem(storageKey(file));
      say(messages.cancelled);
    }
  }

  function finished(file, answer) {
    localStorage.removeItem(storageKey(file));
    progress.value = 100;
    const assetType = answer.getResponseHeader("Asset-Type");
    const assetId = answer.getResponseHeader("Asset-Id");
    say(`${messages.done}: ${assetType} #${assetId}`);
    offerDescription(assetType, assetId);
    return showNearCopies(assetType, assetId);
  }

  // The next step: the metadata form of what was stored (rights, topics, audiences).
  function offerDescription(assetType, assetId) {
    const editUrls = JSON.parse(document.getElementById("tus-edit-urls").textContent);
    const link = document.getElementById("tus-describe");
    if (!editUrls[assetType] || !link) return;
    link.href = editUrls[assetType].replace(/\/0\/$/, `/${assetId}/`);
    link.hidden = false;
  }

  function refused(file, answer) {
    localStorage.removeItem(storageKey(file));
    let detail = "";
    try { detail = JSON.parse(answer.responseText).error; } catch (ignored) { detail = answer.statusText; }
    say(`${messages.failed}: ${detail}`);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = form.file.files[0];
    if (!file) return;
    cancelled = false;
    cancelButton.hidden = false;
    progress.value = 0;
    try {
      say(messages.checking);
      const found = await exactCopies(file);
      if (found) {
        say(messages.exists);
        if (await chooseReuse(file, found)) { say(messages.reused); return; }
      }
      await run(file);
    } catch (error) {
      say(`${messages.failed}: ${error.message}`);
    } finally {
      cancelButton.hidden = true;
    }
  });
  cancelButton.addEventListener("click", () => { cancelled = true; });
  // "Reuse" on a near copy removed the upload this page just stored (duplicate-decisions.js).
  document.addEventListener("duplicates:reused", () => say(messages.replaced));
})();
