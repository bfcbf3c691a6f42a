// Live poll results: joins the process's group and rewrites the counts on each push.
// The page already shows the counts of its last render, so without this script nothing is lost.
const live = document.querySelector("[data-live-poll]");
if (live && window.signalR) {
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/processes").withAutomaticReconnect().build();
  const set = (key, value) => {
    const cell = live.querySelector(`[data-poll-cell="${key}"]`);
    if (cell) cell.textContent = value;
  };
  connection.on("PollResultsChanged", (results) => {
    const responses = live.querySelector("[data-poll-responses]");
    responses.textContent = responses.textContent.replace(/\d+/, results.responses);
    for (const question of results.questions) {
      set(`${question.number}-answered`, question.answered);
      for (const option of question.options) {
        set(`${question.number}-${option.index}`, option.count);
        set(`${question.number}-${option.index}-points`, option.points);
      }
      question.ratings.forEach((count, i) => set(`${question.number}-r${i}`, count));
    }
  });
  connection.start().then(() => connection.invoke("WatchProcess", live.dataset.livePoll)).catch(() => {});
}
