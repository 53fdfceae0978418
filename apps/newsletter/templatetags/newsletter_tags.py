"""The newsletter box that the home page, the blog and My page include."""

from django import template

from ..selectors import subscriber_for_email

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_box.html", takes_context=True)
def newsletter_box(context, place: str = "site"):
    """On the cached public pages a small GET form that carries the address to the sign-up
    page (no CSRF cookie, so the pages stay cacheable); on My page the account's subscription
    with an unsubscribe button."""
    request = context.get("request")
    user = getattr(request, "user", None)
    subscriber = None
    if place == "my_page" and user is not None and user.is_authenticated:
        subscriber = subscriber_for_email(user.email)
    return {"place": place, "subscriber": subscriber, "request": request, "user": user}
