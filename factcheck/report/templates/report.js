(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var rows = Array.prototype.slice.call(document.querySelectorAll("details.result"));
  var verdictBoxes = Array.prototype.slice.call(document.querySelectorAll("input[name=verdict]"));
  var unexpectedOnly = document.getElementById("only-unexpected");
  var docSelect = document.getElementById("doc-filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var legendButtons = Array.prototype.slice.call(document.querySelectorAll(".legend button[data-verdict]"));

  var form = document.querySelector("form.filters");
  if (form) { form.addEventListener("submit", function (e) { e.preventDefault(); }); }

  function norm(s) {
    return (s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ");
  }
  // Figures are also found as plain digits: "983113200" finds "983.113.200" and "983,113,200".
  function digits(s) { return s.replace(/(\d)[.,\u00a0\u202f ](?=\d)/g, "$1"); }
  rows.forEach(function (row) {
    row.dataset.text = norm(row.textContent + " " + (row.dataset.search || ""));
    row.dataset.digits = digits(row.dataset.text);
  });

  function apply() {
    var wanted = {};
    verdictBoxes.forEach(function (box) { wanted[box.value] = box.checked; });
    var q = norm(search ? search.value : "").trim();
    var doc = docSelect ? docSelect.value : "";
    var count = 0;
    rows.forEach(function (row) {
      var ok = wanted[row.dataset.verdict] !== false &&
        (!unexpectedOnly || !unexpectedOnly.checked || row.dataset.expected === "false") &&
        (doc === "" || row.dataset.doc === doc) &&
        (q === "" || row.dataset.text.indexOf(q) !== -1 || row.dataset.digits.indexOf(digits(q)) !== -1);
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    if (shown) { shown.textContent = count + " of " + rows.length + " relations shown"; }
    legendButtons.forEach(function (b) {
      var only = verdictBoxes.every(function (box) { return box.checked === (box.value === b.dataset.verdict); });
      b.setAttribute("aria-pressed", only ? "true" : "false");
    });
    return count;
  }

  function showOnly(verdict) {
    var already = verdictBoxes.every(function (box) { return box.checked === (box.value === verdict); });
    verdictBoxes.forEach(function (box) { box.checked = already ? true : box.value === verdict; });
    apply();
  }

  verdictBoxes.forEach(function (box) { box.addEventListener("change", apply); });
  legendButtons.forEach(function (b) { b.addEventListener("click", function () { showOnly(b.dataset.verdict); }); });
  if (unexpectedOnly) { unexpectedOnly.addEventListener("change", apply); }
  if (docSelect) { docSelect.addEventListener("change", apply); }
  if (search) {
    search.addEventListener("input", apply);
    search.addEventListener("keydown", function (e) { if (e.key === "Escape") { search.value = ""; apply(); } });
  }
  var reset = document.getElementById("reset-filters");
  if (reset) {
    reset.addEventListener("click", function () {
      verdictBoxes.forEach(function (box) { box.checked = true; });
      if (unexpectedOnly) { unexpectedOnly.checked = false; }
      if (docSelect) { docSelect.value = ""; }
      if (search) { search.value = ""; }
      apply();
    });
  }
  function setAll(open) { rows.forEach(function (row) { if (!row.hidden) { row.open = open; } }); }
  var expand = document.getElementById("expand-all");
  var collapse = document.getElementById("collapse-all");
  if (expand) { expand.addEventListener("click", function () { setAll(true); }); }
  if (collapse) { collapse.addEventListener("click", function () { setAll(false); }); }

  // Paper shows every shown result opened; the screen gets its state back afterwards.
  window.addEventListener("beforeprint", function () {
    rows.forEach(function (row) { if (!row.open) { row.dataset.printOpened = "1"; row.open = true; } });
  });
  window.addEventListener("afterprint", function () {
    rows.forEach(function (row) { if (row.dataset.printOpened) { delete row.dataset.printOpened; row.open = false; } });
  });

  // A link to #claim-id opens that result.
  function openHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  window.addEventListener("hashchange", openHash);
  openHash();

  apply();
  // For tests and for people scripting the page.
  window.factcheckReport = {
    apply: apply,
    showOnly: showOnly,
    visible: function () { return rows.filter(function (r) { return !r.hidden; }).length; },
    total: rows.length
  };
})();
