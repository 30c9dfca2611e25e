// nghiquyet — the little plain JavaScript the pages need; htmx does the rest.
// Every feature also works without it (forms post normally), this only makes it nicer.
"use strict";

// Drop zone: dropping a file on <label class="drop" data-input="ID"> fills that input.
function setupDropZones(root) {
  root.querySelectorAll(".drop[data-input]").forEach(function (zone) {
    var input = document.getElementById(zone.dataset.input);
    if (!input || zone.dataset.ready) return;
    zone.dataset.ready = "1";
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    input.addEventListener("change", function () {
      var name = zone.querySelector(".file-name");
      if (name) name.textContent = input.files.length ? input.files[0].name : "";
    });
  });
}

// Upload progress: htmx reports the bytes sent; <progress> shows them, then "đang trích xuất".
document.addEventListener("htmx:xhr:progress", function (e) {
  var bar = document.querySelector("progress[data-upload]");
  if (!bar || !e.detail.lengthComputable) return;
  bar.value = Math.round(e.detail.loaded / e.detail.total * 100);
  var label = document.getElementById("progress-text");
  if (label && bar.value >= 100) label.textContent = "Đang trích xuất nội dung…";
});

// Charts: <canvas data-chart="ID"> reads its configuration from <script type="application/json" id="ID">.
var VN_NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
function setupCharts(root) {
  if (typeof Chart === "undefined") return;
  root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    if (canvas.dataset.ready) return;
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    canvas.dataset.ready = "1";
    var cfg = JSON.parse(source.textContent);
    cfg.options = cfg.options || {};
    cfg.options.maintainAspectRatio = false;
    cfg.options.animation = false;
    cfg.options.locale = "vi-VN";
    cfg.options.scales = cfg.options.scales || {};
    cfg.options.scales.y = Object.assign({ ticks: { callback: function (v) { return VN_NUMBER.format(v); } } },
                                         cfg.options.scales.y || {});
    // years on the x axis are plain numbers (2025, not 2.025)
    if (cfg.options.scales.x) cfg.options.scales.x.ticks = { stepSize: 1, callback: function (v) { return String(v); } };
    new Chart(canvas, cfg);
  });
}

function setup(root) { setupDropZones(root); setupCharts(root); }
document.addEventListener("DOMContentLoaded", function () { setup(document); });
document.addEventListener("htmx:afterSettle", function (e) { setup(e.target); });
