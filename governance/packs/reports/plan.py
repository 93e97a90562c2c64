"""The improvement plan progress report, in the plan's own layout.

Rules:
- The plan is the paper's own, else the current plan (improvement_plan.selectors).
- A RAG summary table comes first: per priority, in number order, how many actions
  are Red, Amber, Green and Blue by the computed RAG, with the plan's totals
  (improvement_plan.selectors.plan_overview).
- Then each priority in number order, with the plan's columns: Item (the objective,
  written on its first action only), Action, Lead/ Timeframe, Progress/ Comments, RAG.
- RAG is the computed RAG (improvement_plan.rag_selectors.judge, the rule in
  improvement_plan.domain.rag), in words with its reason as well as colour; the lead's
  reported RAG is added when it differs.
- Progress/ Comments lists every progress update held, oldest first, dated unless it
  was carried over from the plan document. An update longer than a comment may be
  (common.forms.COMMENT_LIMIT) is shortened to it in the pack, saying so: a printed
  paper is no place for a megabyte, and the whole update stays on the action's page.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from common.forms import COMMENT_LIMIT
from governance.packs.words import long_date
from improvement_plan.domain import rag as rag_rules
from improvement_plan.models import Action, Plan, ProgressUpdate, Rag
from improvement_plan.rag_selectors import judge
from improvement_plan.selectors import current_plan, plan_action_rows, plan_overview

RAG_WORDS = {rag_rules.RED: "Red", rag_rules.AMBER: "Amber", rag_rules.GREEN: "Green"}
RAG_WORDS[rag_rules.BLUE] = "Blue (complete)"


@dataclass
class PriorityBlock:
    priority: object
    rows: list[dict] = field(default_factory=list)


def lead_timeframe(action: Action) -> str:
    """The Lead/ Timeframe cell: as written in the plan, else the leads and due date."""
    if action.timeframe_as_written:
        return action.timeframe_as_written
    leads = ", ".join(post.name for post in action.lead_posts.all()) or "No lead"
    when = f"by {long_date(action.due_date)}" if action.due_date else "recurring"
    return f"{leads}, {when}"


def shortened(text: str, *, limit: int = COMMENT_LIMIT) -> str:
    """The text, or its first `limit` characters saying it was shortened (docstring)."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (shortened for the pack: the full update is on the action's page)"


def progress_entries(action: Action) -> list[dict]:
    """Each update held, oldest first, with its date unless it was imported."""
    return [
        {
            "date": None if update.is_imported else update.created_at,
            "text": shortened(update.text),
            "status": update.status_as_written,
        }
        for update in action.progress_updates.all()
    ]


def action_row(action: Action, *, today, first_of_item: bool) -> dict:
    judgement = judge(action, today=today)
    reported = action.reported_rag
    return {
        "item": action.objective.title if first_of_item else "",
        "reference": action.reference,
        "description": action.description,
        "lead_timeframe": lead_timeframe(action),
        "status": action.get_status_display(),
        "progress": progress_entries(action),
        "rag": judgement.rag,
        "rag_words": RAG_WORDS[judgement.rag],
        "rag_reason": judgement.reason,
        "reported": Rag(reported).label if reported and reported != judgement.rag else "",
    }


def priority_blocks(plan: Plan, *, today) -> list[PriorityBlock]:
    """The plan's actions by priority, in the plan's order (module docstring)."""
    updates = ProgressUpdate.objects.order_by("created_at", "id")
    actions = plan_action_rows(plan, today=today).prefetch_related(
        Prefetch("progress_updates", queryset=updates)
    )
    blocks: list[PriorityBlock] = []
    last_objective = None
    for action in actions:
        priority = action.objective.priority
        if not blocks or blocks[-1].priority.pk != priority.pk:
            blocks.append(PriorityBlock(priority))
        first = action.objective_id != last_objective
        blocks[-1].rows.append(action_row(action, today=today, first_of_item=first))
        last_objective = action.objective_id
    return blocks


def summary(plan: Plan, *, today) -> dict:
    """The RAG summary table: priorities in number order, then the totals."""
    overview = plan_overview(plan, today=today)
    rows = sorted(overview.priorities, key=lambda row: row.priority.number)
    return {"rows": rows, "totals": overview.totals}


def context(job) -> dict:
    plan = job.paper.plan or current_plan()
    if plan is None:
        return {"plan": None}
    return {
        "plan": plan,
        "summary": summary(plan, today=job.as_at),
        "blocks": priority_blocks(plan, today=job.as_at),
        "rag_columns": [(value, RAG_WORDS[value]) for value in rag_rules.WORST_FIRST],
    }
