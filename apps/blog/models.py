from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from apps.core import limits

from .blocks import PostBodyBlock
from .video import VideoRef

# Sub-page routes of the index; a post with one of these slugs would be shadowed.
RESERVED_SLUGS = {"rss", "atom", "emne"}


class BlogIndexPage(RoutablePageMixin, Page):
    """Kokebokloggen: the list of posts, the tag pages and the feeds."""

    intro = models.TextField(_("intro"), max_length=limits.SUMMARY, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]
    max_count = 1

    class Meta:
        verbose_name = _("blog index")

    def tag_url(self, slug: str, *, request=None) -> str:
        return self.get_url(request=request) + self.reverse_subpage("tag", kwargs={"tag": slug})

    def _with_tag_links(self, posts, request) -> None:
        index_url = self.get_url(request=request)
        for post in posts:
            post.tag_links = [
                (tag.name, index_url + self.reverse_subpage("tag", kwargs={"tag": tag.slug}))
                for tag in post.tags.all()
            ]
            post.tag_links.sort(key=lambda link: link[0].casefold())

    @path("")
    def index_route(self, request):
        from . import selectors

        page_obj = selectors.posts_page(tag=None, page_number=request.GET.get("page"))
        self._with_tag_links(page_obj.object_list, request)
        return self.render(request, context_overrides={"page_obj": page_obj})

    # Taggit keeps letters such as "ø" in slugs, so the route takes \w rather than <slug:>.
    @re_path(r"^emne/(?P<tag>[-\w]+)/$", name="tag")
    def tag_route(self, request, tag: str):
        from . import selectors

        tag_obj = selectors.tag_by_slug(slug=tag)
        if tag_obj is None:
            raise Http404
        page_obj = selectors.posts_page(tag=tag_obj.slug, page_number=request.GET.get("page"))
        self._with_tag_links(page_obj.object_list, request)
        breadcrumb_items = [
            (_("Home"), "/"),
            (self.title, self.get_url(request=request)),
            (
                _("Tag: %(tag)s") % {"tag": tag_obj.name},
                self.tag_url(tag_obj.slug, request=request),
            ),
        ]
        return self.render(
            request,
            template="blog/blog_tag_page.html",
            context_overrides={
                "page_obj": page_obj,
                "tag": tag_obj,
                "breadcrumb_items": breadcrumb_items,
            },
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        from .feeds import PostsRssFeed

        return PostsRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from .feeds import PostsAtomFeed

        return PostsAtomFeed()(request, index=self)


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPostPage(Page):
    author = models.CharField(_("author"), max_length=120)
    date = models.DateField(_("date"), db_index=True)
    intro = models.TextField(_("intro"), max_length=limits.SUMMARY)
    body = StreamField(PostBodyBlock(), blank=True, use_json_field=True)
    tags = ClusterTaggableManager(through=BlogPostTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("author"), FieldPanel("date")], heading=_("Byline")),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,  # title, boosted
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=1.5)]),
        index.FilterField("date"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the blog itself; choose another slug.")}
            )

    @property
    def videos(self) -> list:
        """The video blocks in the body whose address is a valid YouTube or Vimeo video."""
        return [
            block.value
            for block in self.body
            if block.block_type == "video" and isinstance(block.value.ref, VideoRef)
        ]

    @property
    def has_video(self) -> bool:
        return bool(self.videos)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        if isinstance(parent, BlogIndexPage):
            context["blog_index"] = parent
            context["tag_links"] = [
                (tag.name, parent.tag_url(tag.slug, request=request))
                for tag in sorted(self.tags.all(), key=lambda tag: tag.name.casefold())
            ]
        return context
