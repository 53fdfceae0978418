import pytest
from wagtail.rich_text import RichText

from apps.blog.models import BlogPostPage

from .factories import BlogPostPageFactory

pytestmark = pytest.mark.django_db


def test_posts_are_found_by_title_intro_body_and_tag(blog_index):
    post = BlogPostPageFactory(
        parent=blog_index,
        title="Dialogmøte i Bodø",
        intro="Kommunen inviterte entreprenørene.",
        tags=["innovasjonsfond"],
    )
    # Indexing reads the post back from the database, and tags are committed after the page
    # row is saved; publishing (as editors and the demo do) indexes the committed tags.
    post.save_revision().publish()
    BlogPostPageFactory(
        parent=blog_index,
        title="Noe helt annet",
        intro="Uten treff.",
        body=[("paragraph", RichText("<p>Terskelverdier.</p>"))],
    )

    for query in ("Bodø", "inviterte", "samarbeid", "innovasjonsfond"):
        results = list(BlogPostPage.objects.live().search(query))
        assert results == [post], query
