// Progressive enhancement of approval ballots: shows what is left of each budget as choices change
// (a resident of a district may see two ballots on one page, each with its own bar).
document.querySelectorAll("form").forEach((form) => {
  const left = form.querySelector(".pd-budget-left");
  if (!left) {
    return;
  }
  const budget = Number(left.dataset.budget);
  const money = new Intl.NumberFormat(document.documentElement.lang, { style: "currency", currency: left.dataset.currency, maximumFractionDigits: 0 });
  const boxes = [...form.querySelectorAll("input[name=choice]")];
  const update = () => {
    const spent = boxes.filter((b) => b.checked).reduce((sum, b) => sum + Number(b.dataset.cost), 0);
    left.textContent = left.dataset.template.replace("{0}", money.format(budget - spent)).replace("{1}", money.format(budget));
    left.classList.toggle("pd-budget-left--over", spent > budget);
  };
  boxes.forEach((b) => b.addEventListener("change", update));
  update();
});
