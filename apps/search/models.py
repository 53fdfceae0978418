"""What site search indexes of the apps' own rows, without those apps knowing about search.

Each model here is a proxy of another app's model that adds `search_fields`, so Wagtail's
search backends index it like a page (stemmed Norwegian on SQLite and PostgreSQL; OpenSearch
in production). The proxies index every row, public or not: whether a row may be shown is
decided when searching, through the owning app's public selector (`needs_public()` and
friends), because a need can turn private with no write at all (it expires). Keeping the
text of private rows out of every answer is `selectors.site_search`'s job; the index itself
is never shown.

The owning models' saves and deletes reach the index through `apps.search.signals`
(signals carry the concrete model as sender, so modelsearch's own handlers, connected for
these proxies, never fire).
"""

from modelsearch import index

from apps.broker.models import EntrepreneurProfile, Need, Offer
from apps.fund.models import Call


class SearchNeed(index.Indexed, Need):
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("affected"),
        index.SearchField("outcome"),
        index.SearchField("organisation_name"),
        index.SearchField("municipality_name"),
        index.SearchField("target_group_names"),
        index.AutocompleteField("title"),
        # Public rows are chosen by id, from the owning app's selector.
        index.FilterField("id"),
        index.FilterField("status"),
        index.FilterField("visibility"),
        index.FilterField("expires_at"),
    ]

    class Meta:
        proxy = True

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.select_related("organisation", "municipality").prefetch_related(
            "target_groups"
        )

    def organisation_name(self) -> str:
        return self.organisation.name

    def municipality_name(self) -> str:
        return self.municipality.name

    def target_group_names(self) -> str:
        """«Unge voksne», «Langtidsledige»: the words people search for a group by."""
        return " ".join(group.name for group in self.target_groups.all())


class SearchProfile(index.Indexed, EntrepreneurProfile):
    search_fields = [
        index.SearchField("organisation_name", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("evidence"),
        index.AutocompleteField("organisation_name"),
        # Public rows are chosen by id, from the owning app's selector.
        index.FilterField("id"),
        index.FilterField("review_status"),
        index.FilterField("renewal_due"),
    ]

    class Meta:
        proxy = True

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.select_related("organisation")

    def organisation_name(self) -> str:
        return self.organisation.name


class SearchOffer(index.Indexed, Offer):
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        # «Kompass» finds Kompass & Co's offers too, not only its profile.
        index.SearchField("organisation_name"),
        index.SearchField("target_group_names"),
        index.AutocompleteField("title"),
        # Public rows are chosen by id, from the owning app's selector.
        index.FilterField("id"),
        index.FilterField("active"),
    ]

    class Meta:
        proxy = True

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.select_related("profile__organisation").prefetch_related("target_groups")

    def organisation_name(self) -> str:
        return self.profile.organisation.name

    def target_group_names(self) -> str:
        return " ".join(group.name for group in self.target_groups.all())


class SearchCall(index.Indexed, Call):
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("text"),
        index.SearchField("fund_name"),
        index.AutocompleteField("title"),
        # Public rows are chosen by id, from the owning app's selector.
        index.FilterField("id"),
        index.FilterField("published"),
    ]

    class Meta:
        proxy = True

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.select_related("fund")

    def fund_name(self) -> str:
        return self.fund.name


# concrete model label -> its search proxy
SEARCH_PROXIES: dict[str, type[index.Indexed]] = {
    "broker.need": SearchNeed,
    "broker.entrepreneurprofile": SearchProfile,
    "broker.offer": SearchOffer,
    "fund.call": SearchCall,
}
