from django import template

from apps.core.templatetags.content_language import content_lang_attr, ui_lang_attr

from ..selectors import (
    followed_topic_ids,
    is_blocked,
    is_following,
    post_comments,
    recipe_tips,
    recipe_tried_count,
    recipe_tried_reports,
    tips_marked_useful_by,
    user_pending_tips,
)

register = template.Library()


@register.inclusion_tag("contributions/includes/recipe_contributions_body.html", takes_context=True)
def recipe_contributions(context, recipe):
    if recipe is None or recipe.pk is None:  # preview of a recipe not saved yet
        return {"unsaved": True}
    request = context.get("request")
    user = getattr(request, "user", None)
    tips = list(recipe_tips(recipe=recipe))
    return {
        "request": request,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "recipe": recipe,
        # The section is interface text inside a page marked lang="nb" in English or
        # nynorsk mode; what people wrote keeps the page's language.
        "ui_lang": ui_lang_attr(context, recipe),
        "content_lang": content_lang_attr(context, recipe),
        "tips": tips,
        "useful_ids": tips_marked_useful_by(user=user, tips=tips),
        "pending_tips": user_pending_tips(user=user, recipe=recipe),
        "tried_count": recipe_tried_count(recipe=recipe),
        "tried_reports": list(recipe_tried_reports(recipe=recipe)[:20]),
        "following": is_following(user=user, recipe=recipe),
        "topics": list(recipe.sectors.all()) if getattr(user, "is_authenticated", False) else [],
        "followed_topics": followed_topic_ids(user=user),
        "blocked": is_blocked(user=user),
    }


@register.inclusion_tag("contributions/includes/post_comments_body.html", takes_context=True)
def post_comments_section(context, post):
    if post is None or post.pk is None:  # preview of a post not saved yet
        return {"unsaved": True}
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "request": request,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "post": post,
        "ui_lang": ui_lang_attr(context, post),
        "content_lang": content_lang_attr(context, post),
        "comments": post_comments(post=post, user=user),
        "blocked": is_blocked(user=user),
    }


@register.filter(name="plain_text_only")
def plain_text_only(value) -> str:
    """User text in plain-text email: every tag removed by nh3."""
    from apps.core.sanitize import plain_text

    return plain_text(str(value or ""))
