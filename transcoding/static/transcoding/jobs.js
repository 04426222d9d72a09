// Follow an asset's transcoding jobs while they run: progress, status, ETA; reload once when a
// job's state changes so that renditions and the retry/cancel buttons match it.
(function () {
  const table = document.querySelector("[data-transcoding-jobs]");
  if (!table) return;
  async function refresh() {
    let jobs;
    try {
      const response = await fetch(table.dataset.transcodingJobs, {credentials: "same-origin"});
      if (!response.ok) return setTimeout(refresh, 5000);
      ({jobs} = await response.json());
    } catch (error) {
      return setTimeout(refresh, 5000);
    }
    for (const job of jobs) {
      const row = table.querySelector(`[data-job="${job.id}"]`);
      if (!row) continue;
      if (row.dataset.status !== job.status) return location.reload();
      row.querySelector("progress").value = job.progress;
      row.querySelector(".percent").textContent = `${Math.round(job.progress)}%`;
      row.querySelector(".eta").textContent = job.eta_label;
    }
    if (jobs.some((job) => job.status === "pending" || job.status === "running")) {
      setTimeout(refresh, 2000);
    }
  }
  refresh();
})();
