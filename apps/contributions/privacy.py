"""What "download my data" and "delete my account" do with contributions: the export
lists everything the person wrote; deletion keeps the contributions, which then show the
author as a former member (User.display_name), and removes follows and notifications."""

from apps.accounts import privacy

from .models import (
    Comment,
    ContributorStanding,
    Follow,
    Notification,
    NotificationPreference,
    Report,
    SuggestedChange,
    Tip,
    TipUseful,
    TriedReport,
)


def _iso(value):
    return value.isoformat() if value else None


def export(user) -> dict:
    return {
        "tips": [
            {
                "recipe": t.recipe.title,
                "text": t.text,
                "status": t.status,
                "created_at": _iso(t.created_at),
            }
            for t in Tip.objects.filter(author=user).select_related("recipe")
        ],
        "tips_marked_useful": [
            m.tip_id for m in TipUseful.objects.filter(user=user).order_by("tip_id")
        ],
        "tried_reports": [
            {
                "recipe": r.recipe.title,
                "municipality": r.municipality.name,
                "year": r.year,
                "outcome": r.outcome,
                "what_we_would_do_differently": r.what_we_would_do_differently,
                "status": r.status,
                "created_at": _iso(r.created_at),
            }
            for r in TriedReport.objects.filter(author=user).select_related(
                "recipe", "municipality"
            )
        ],
        "comments": [
            {
                "post": c.post.title,
                "text": c.text,
                "status": c.status,
                "created_at": _iso(c.created_at),
            }
            for c in Comment.objects.filter(author=user).select_related("post")
        ],
        "suggested_changes": [
            {
                "recipe": s.recipe.title,
                "field": s.field,
                "step_number": s.step_number,
                "text": s.text,
                "reason": s.reason,
                "status": s.status,
                "editor_comment": s.editor_comment,
                "created_at": _iso(s.created_at),
            }
            for s in SuggestedChange.objects.filter(author=user).select_related("recipe")
        ],
        "reports": [
            {"reason": r.reason, "created_at": _iso(r.created_at)}
            for r in Report.objects.filter(reporter=user)
        ],
        "follows": [
            f.recipe.title for f in Follow.objects.filter(user=user).select_related("recipe")
        ],
        "digest": getattr(
            NotificationPreference.objects.filter(user=user).first(), "frequency", None
        ),
    }


def delete(user) -> None:
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    ContributorStanding.objects.filter(user=user).update(blocked_reason="")


privacy.register_exporter("contributions", export)
privacy.register_deleter("contributions", delete)
