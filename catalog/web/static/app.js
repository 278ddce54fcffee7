// The contact sheet's few behaviours: copy buttons, "select all", and formats that apply on change.
"use strict";

async function copyText(field) {
  const text = field.value;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    // No clipboard API (plain http on another host, or permission refused): select and copy the old way.
    field.focus();
    field.select();
    return document.execCommand && document.execCommand("copy");
  }
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  if (!field) return;
  const status = button.parentElement.querySelector(".copied");
  const done = await copyText(field);
  if (status) status.textContent = done ? "Copied." : "Select the text and copy it.";
});

document.addEventListener("DOMContentLoaded", () => {
  const all = document.getElementById("tick-all");
  if (all) {
    all.addEventListener("change", () => {
      document.querySelectorAll('input[name="id"]').forEach((box) => { box.checked = all.checked; });
    });
  }
  document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
    form.addEventListener("change", () => form.submit());
  });
});
