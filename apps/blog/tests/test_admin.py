import pytest
from django.utils.translation import gettext, override

from .factories import BlogPostPageFactory, video_block

pytestmark = pytest.mark.django_db


def test_editor_can_open_the_add_and_edit_forms(client, editor, blog_index):
    post = BlogPostPageFactory(parent=blog_index, body=[video_block()], tags=["kokebok"])
    client.force_login(editor)

    add = client.get(f"/admin/pages/add/blog/blogpostpage/{blog_index.pk}/")
    edit = client.get(f"/admin/pages/{post.pk}/edit/")
    index_edit = client.get(f"/admin/pages/{blog_index.pk}/edit/")

    assert add.status_code == 200
    assert edit.status_code == 200
    assert index_edit.status_code == 200
    with override("nb"):
        label = gettext("Video address")
    # The StreamField form is JSON inside the page, so compare escaped forms too.
    content = edit.content.decode()
    assert label in content or label.encode("unicode_escape").decode() in content


def test_blog_index_only_under_home_and_only_once(blog_index, home_page):
    from apps.blog.models import BlogIndexPage, BlogPostPage

    assert not BlogIndexPage.can_create_at(home_page)
    assert BlogPostPage.can_create_at(blog_index)
    assert not BlogPostPage.can_create_at(home_page)
