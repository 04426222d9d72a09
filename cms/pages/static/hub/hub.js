// The hub's behaviour: video through hls.js (MP4 fallback), waveform seeking, storyboard,
// zoomable pictures (Panzoom), copy buttons. Every part does nothing where its markup is absent.
(function () {
  "use strict";

  // --- Video: the HLS ladder where the browser has MSE, native HLS on Safari, else the MP4 rung.
  function startVideo(video) {
    const source = video.dataset.hlsSrc;
    const report = (how) => { video.dataset.playback = how; };
    video.addEventListener("playing", () => { video.dataset.playing = video.dataset.playback || "mp4"; });
    if (!source) { report("mp4"); return; }
    if (window.Hls && window.Hls.isSupported()) {
      // The master playlist is read at once; segments only when the visitor presses play.
      const hls = new window.Hls({ capLevelToPlayerSize: true, autoStartLoad: false });
      hls.loadSource(source);
      hls.attachMedia(video);
      report("hls");
      video.addEventListener("play", () => hls.startLoad(), { once: true });
      hls.on(window.Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        hls.destroy();  // the ladder failed: fall back to the MP4 rung the markup lists
        report("mp4");
        video.removeAttribute("src");
        video.load();
      });
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = source;
      report("native-hls");
    } else {
      report("mp4");
    }
  }

  function seekTo(media, seconds) {
    media.currentTime = seconds;
    media.play().catch(() => {});
  }

  function startStoryboard(player) {
    const video = player.querySelector("video");
    const frames = player.querySelectorAll(".storyboard-frame");
    // Each button shows one tile of the sprite, scaled to the button's width.
    const draw = () => frames.forEach((frame) => {
      const d = frame.dataset;
      const scale = frame.clientWidth / parseFloat(d.w);
      frame.style.backgroundSize = `${d.spriteWidth * scale}px ${d.spriteHeight * scale}px`;
      frame.style.backgroundPosition = `-${d.x * scale}px -${d.y * scale}px`;
    });
    frames.forEach((frame) => {
      frame.style.backgroundImage = `url("${frame.dataset.sprite}")`;
      frame.style.aspectRatio = `${frame.dataset.w} / ${frame.dataset.h}`;
      frame.addEventListener("click", () => seekTo(video, parseFloat(frame.dataset.seek)));
    });
    draw();
    window.addEventListener("resize", draw);
  }

  // --- Audio: the waveform shows progress and seeks where it is clicked.
  function startAudio(player) {
    const audio = player.querySelector("audio");
    const svg = player.querySelector("[data-waveform]");
    if (!audio || !svg) return;
    const progress = svg.querySelector("[data-waveform-progress]");
    const width = svg.viewBox.baseVal.width;
    audio.addEventListener("timeupdate", () => {
      const share = audio.duration ? audio.currentTime / audio.duration : 0;
      progress.setAttribute("width", String(share * width));
    });
    svg.addEventListener("click", (event) => {
      const box = svg.getBoundingClientRect();
      const share = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      const go = () => seekTo(audio, share * audio.duration);
      if (Number.isFinite(audio.duration) && audio.duration > 0) go();
      else { audio.addEventListener("loadedmetadata", go, { once: true }); audio.load(); }
    });
  }

  // --- Zoom: a dialog with the large rendition under Panzoom (wheel, pinch, drag, keys).
  function startZoom(dialog) {
    const opener = document.querySelector("[data-zoom-open]");
    const stage = dialog.querySelector("[data-zoom-stage]");
    const image = dialog.querySelector("[data-zoom-image]");
    const scaleText = dialog.querySelector("[data-zoom-scale]");
    let panzoom = null;
    const announce = () => {
      const scale = panzoom ? panzoom.getScale() : 1;
      stage.dataset.scale = scale.toFixed(2);
      scaleText.textContent = `${Math.round(scale * 100)}%`;
    };
    const ready = () => {
      if (panzoom || !window.Panzoom) return;
      panzoom = window.Panzoom(image, { maxScale: 10, minScale: 0.5, step: 0.4, canvas: true });
      stage.addEventListener("wheel", panzoom.zoomWithWheel);
      image.addEventListener("panzoomchange", announce);
      announce();
    };
    opener.addEventListener("click", () => {
      if (!image.getAttribute("src")) {
        image.addEventListener("load", ready, { once: true });
        image.src = dialog.dataset.zoomSrc;
      }
      dialog.showModal();
      stage.focus();
    });
    const actions = {
      in: () => panzoom && panzoom.zoomIn(),
      out: () => panzoom && panzoom.zoomOut(),
      reset: () => panzoom && panzoom.reset(),
      close: () => dialog.close(),
    };
    dialog.querySelectorAll("[data-zoom]").forEach((button) => {
      button.addEventListener("click", () => actions[button.dataset.zoom]());
    });
    stage.addEventListener("keydown", (event) => {
      if (!panzoom) return;
      const moves = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
      if (event.key === "+" || event.key === "=") actions.in();
      else if (event.key === "-") actions.out();
      else if (moves[event.key]) panzoom.pan(...moves[event.key], { relative: true });
      else return;
      event.preventDefault();
    });
    dialog.addEventListener("close", () => opener.focus());
  }

  // --- Copy buttons (credit line, embed code), with a fallback where the clipboard API is absent.
  async function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(field.value);
      return;
    }
    field.select();
    document.execCommand("copy");
  }

  function startCopy(button) {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copyFrom);
      const status = button.closest(".reuse-panel, body").querySelector(".copy-status");
      try {
        await copyText(field);
        if (status) status.textContent = status.dataset.copiedText;
        button.dataset.copied = "true";
      } catch (error) {
        field.select();  // the visitor can still copy by hand
      }
    });
  }

  function start() {
    document.querySelectorAll("video[data-hls-src], [data-video-player] video").forEach((video) => {
      if (!video.dataset.started) { video.dataset.started = "1"; startVideo(video); }
    });
    document.querySelectorAll("[data-video-player]").forEach(startStoryboard);
    document.querySelectorAll("[data-audio-player]").forEach(startAudio);
    document.querySelectorAll("[data-zoom-dialog]").forEach(startZoom);
    document.querySelectorAll("[data-copy-from]").forEach(startCopy);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
