// The contact sheet's few behaviours: copy buttons, "select all", formats that apply on change, and new
// arrivals shown without a reload.
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

// "select all" is found when it changes, not once: the live sheet replaces it with the results.
document.addEventListener("change", (event) => {
  const all = event.target;
  if (all.id !== "tick-all") return;
  document.querySelectorAll('input[name="id"]').forEach((box) => { box.checked = all.checked; });
});

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
    form.addEventListener("change", () => form.submit());
  });
  retryUnsaved();
  followArrivals();
});

// The sheet asks the server every few seconds (while the tab is visible) whether the catalogue changed;
// when it did, the same page is fetched again and its results and filters replace these, keeping what was
// ticked, with the photos that were not on the sheet before marked as arrived.
function followArrivals() {
  const first = document.querySelector(".results[data-live]");
  if (!first) return;
  let busy = false;
  async function look() {
    if (busy || document.visibilityState !== "visible") return;
    busy = true;
    try {
      const current = document.querySelector(".results[data-live]");
      const answer = await fetch(current.dataset.live, { cache: "no-store" });
      if (!answer.ok) return;
      const { signature } = await answer.json();
      if (signature === current.dataset.signature) return;
      const page = await fetch(window.location.href, { cache: "no-store" });
      const fresh = new DOMParser().parseFromString(await page.text(), "text/html");
      const next = fresh.querySelector(".results[data-live]");
      if (!next) return;
      const ticked = new Set(Array.from(current.querySelectorAll('input[name="id"]:checked'), (box) => box.value));
      const shown = new Set(Array.from(current.querySelectorAll("li.card"), (card) => card.id));
      const all = current.querySelector("#tick-all");
      next.querySelectorAll('input[name="id"]').forEach((box) => { box.checked = ticked.has(box.value); });
      next.querySelectorAll("li.card").forEach((card) => {
        if (!shown.has(card.id)) card.classList.add("arrived");
      });
      const nextAll = next.querySelector("#tick-all");
      if (all && nextAll) nextAll.checked = all.checked;
      current.replaceWith(document.adoptNode(next));
      const old = document.querySelectorAll(".filters > section");
      const replacements = fresh.querySelectorAll(".filters > section");
      if (old.length === replacements.length) {
        old.forEach((section, index) => section.replaceWith(document.adoptNode(replacements[index])));
      }
    } catch (error) {
      // The server is restarting or the network is down: ask again at the next turn.
    } finally {
      busy = false;
    }
  }
  window.setInterval(look, Number(first.dataset.poll) || 2000);
}

// A caption the server could not save (the database unreachable) comes back in a form with data-retry: it is sent
// again after that many seconds, counted down in the page, unless the person changes the text meanwhile (then
// it waits for them to press Save).
function retryUnsaved() {
  const form = document.querySelector("form[data-retry]");
  if (!form) return;
  const status = form.querySelector(".retry");
  const text = form.querySelector("textarea");
  let left = Number(form.dataset.retry) || 10;
  const timer = window.setInterval(() => {
    left -= 1;
    if (left > 0) {
      if (status) status.textContent = `Sending it again in ${left} second${left === 1 ? "" : "s"}; change it to stop that.`;
      return;
    }
    window.clearInterval(timer);
    if (status) status.textContent = "Sending it again…";
    form.submit();
  }, 1000);
  text.addEventListener("input", () => {
    window.clearInterval(timer);
    if (status) status.textContent = "Not sent again: press Save caption when it is ready.";
  });
}
