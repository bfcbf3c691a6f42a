// Live recommendation tallies on the deliberation page: the server renders the counts; the hub
// pushes each recommendation's tally after every vote, and this writes the numbers in place.
const root = document.querySelector("[data-jury-tally]");
if (root && window.signalR && root.querySelector("[data-tally]")) {
  const processId = root.dataset.juryTally;
  const update = (tally) => {
    const line = root.querySelector(`[data-tally="${tally.recommendationId}"]`);
    if (!line) return;
    const set = (name, value) => { const el = line.querySelector(`[data-count="${name}"]`); if (el) el.textContent = String(value); };
    set("support", tally.support);
    set("oppose", tally.oppose);
    set("abstain", tally.abstain);
    set("cast", tally.support + tally.oppose + tally.abstain);
    set("members", tally.members);
  };
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/jury").withAutomaticReconnect().build();
  connection.on("RecommendationTally", update);
  const watch = () => connection.invoke("WatchJury", processId);
  connection.onreconnected(() => { watch().catch(() => {}); });
  connection.start().then(watch).then(() => { root.dataset.live = "true"; }).catch(() => {});
}
