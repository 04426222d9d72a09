// The filter above a list of ticks (topics, audiences): shows the choices whose label holds what
// was typed, with or without Vietnamese accents ("chuyen doi" finds "Chuyển đổi số").
(function () {
  "use strict";
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();

  document.addEventListener("input", (event) => {
    const filter = event.target.closest("[data-searchable-choices-filter]");
    if (!filter) return;
    const box = filter.closest("[data-searchable-choices]");
    const wanted = fold(filter.value);
    box.querySelectorAll("input[type=checkbox]").forEach((tick) => {
      const label = tick.closest("label");
      const choice = label ? label.parentElement : tick.parentElement;
      choice.hidden = Boolean(wanted) && !fold((label || choice).textContent).includes(wanted) && !tick.checked;
    });
  });
})();
