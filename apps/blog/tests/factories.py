import datetime as dt

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from apps.blog.models import BlogIndexPage, BlogPostPage

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kokebokloggen"
    slug = "kokebokloggen"
    intro = "Nytt fra arbeidet med kokeboka."

    class Meta:
        model = BlogIndexPage


class BlogPostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Innlegg nummer {n}")
    slug = factory.Sequence(lambda n: f"innlegg-{n}")
    author = "Redaksjonen"
    date = factory.Sequence(lambda n: dt.date(2020, 1, 1) + dt.timedelta(days=n))
    intro = factory.LazyAttribute(lambda post: f"Ingress til {post.title.lower()}.")
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Et avsnitt om samarbeid.</p>"))]
    )

    class Meta:
        model = BlogPostPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            if create:
                self.save()


def video_block(
    *, url: str = YOUTUBE_URL, title: str = "Dialogmøtet i Bodø", captions_url: str = ""
) -> tuple:
    return (
        "video",
        {
            "url": url,
            "title": title,
            "transcript": "Velkommen til dialogmøtet.\n\nHer snakker vi om samarbeid.",
            "captions_url": captions_url,
        },
    )
