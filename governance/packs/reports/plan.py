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
- Since the last board: what changed since the record kept at the board's previous
  meeting that kept one (governance.records; improvement_plan.records.selectors), when
  it was a record of the same plan, with the plan's RAG at each board as a chart and
  its table. A board with no earlier record says so.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from common.forms import COMMENT_LIMIT
from governance.models import Meeting
from governance.packs.words import long_date
from improvement_plan.domain import rag as rag_rules
from improvement_plan.models import Action, Plan, ProgressUpdate, Rag
from improvement_plan.rag_selectors import judge
from improvement_plan.records.charts import rag_chart
from improvement_plan.records.selectors import changes_since, rag_at_each_board
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


def previous_record(meeting: Meeting, plan: Plan):
    """The record kept at the board's latest earlier meeting that kept one, if it is a
    record of `plan` (module docstring)."""
    earlier = (
        Meeting.objects.filter(
            board_id=meeting.board_id,
            starts_at__lt=meeting.starts_at,
            board_record__isnull=False,
        )
        .select_related("board_record__plan")
        .order_by("-starts_at")
        .first()
    )
    record = earlier.board_record if earlier is not None else None
    return record if record is not None and record.plan_id == plan.pk else None


def since_last_board(job, plan: Plan, totals) -> dict:
    """What changed since the board's previous record, and the RAG at each board."""
    record = previous_record(job.meeting, plan)
    if record is None:
        return {"since": None}
    now = {value: getattr(totals, value) for value in rag_rules.WORST_FIRST}
    boards = rag_at_each_board(plan=plan, today=job.as_at, now=now, now_label="This pack")
    return {
        "since": changes_since(record, today=job.as_at),
        "boards": boards,
        "chart": rag_chart(boards, chart_id="pack-rag-at-boards", fit=True),
    }


def context(job) -> dict:
    plan = job.paper.plan or current_plan()
    if plan is None:
        return {"plan": None}
    rag_summary = summary(plan, today=job.as_at)
    return {
        "plan": plan,
        "summary": rag_summary,
        "blocks": priority_blocks(plan, today=job.as_at),
        "rag_columns": [(value, RAG_WORDS[value]) for value in rag_rules.WORST_FIRST],
        **since_last_board(job, plan, rag_summary["totals"]),
    }
