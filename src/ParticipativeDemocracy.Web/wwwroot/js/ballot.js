// Progressive enhancement of the approval ballot: shows what is left of the budget as choices change.
const left = document.querySelector(".pd-budget-left");
if (left) {
  const budget = Number(left.dataset.budget);
  const money = new Intl.NumberFormat(document.documentElement.lang, { style: "currency", currency: left.dataset.currency, maximumFractionDigits: 0 });
  const boxes = [...document.querySelectorAll("input[name=choice]")];
  const update = () => {
    const spent = boxes.filter((b) => b.checked).reduce((sum, b) => sum + Number(b.dataset.cost), 0);
    left.textContent = left.dataset.template.replace("{0}", money.format(budget - spent)).replace("{1}", money.format(budget));
    left.classList.toggle("pd-budget-left--over", spent > budget);
  };
  boxes.forEach((b) => b.addEventListener("change", update));
  update();
}
