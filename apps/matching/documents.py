"""What the matching index stores for a need or an offer: its terms (engine.build_document)
and the sentences that are embedded. Pure functions of the object's fields, read by both the
services that write the index and the selectors that analyse an object not yet indexed, so
neither imports the other for them (docs/decisions/0022)."""

from __future__ import annotations

from . import embeddings, engine

# An entrepreneur's profile text says something about each of its offers, but less.
PROFILE_WEIGHT = 0.4


def need_document(need) -> dict[str, engine.Entry]:
    """Index terms of a need. Uses prefetched sectors/target groups when there are any."""
    municipality = need.municipality
    return engine.build_document(
        title=need.title,
        texts=[need.description, need.affected, need.outcome],
        sectors=[sector.code for sector in need.sectors.all()],
        target_groups=[group.code for group in need.target_groups.all()],
        municipalities=[municipality.code] if municipality is not None else [],
    )


def offer_document(offer) -> dict[str, engine.Entry]:
    """Index terms of an offer. The offer's own areas win; without any, the profile's."""
    profile = offer.profile
    areas = [municipality.code for municipality in offer.areas.all()]
    national = offer.area_national
    if not areas and not national:
        areas = [municipality.code for municipality in profile.areas.all()]
        national = profile.area_national
    document = engine.build_document(
        title=offer.title,
        texts=[offer.description],
        sectors=[sector.code for sector in offer.sectors.all()],
        target_groups=[group.code for group in offer.target_groups.all()],
        municipalities=areas,
        national=national,
    )
    if profile.summary:
        # The profile adds its concepts only, lightly, so a shared summary does not make
        # every offer of one entrepreneur look alike.
        for term, entry in engine.text_terms([(profile.summary, 1.0)]).items():
            if term.startswith(engine.CONCEPT_TERM) and term not in document:
                document[term] = engine.Entry(entry.weight * PROFILE_WEIGHT, entry.surface)
    return document


def need_sentences(need) -> list[str]:
    """The sentences of a need that are embedded: its title and the texts it is matched on."""
    return embeddings.sentences(need.title, [need.description, need.affected, need.outcome])


def offer_sentences(offer) -> list[str]:
    """The sentences of an offer that are embedded: its title and description (the profile's
    summary is left out, as in the term index, so one entrepreneur's offers stay distinct)."""
    return embeddings.sentences(offer.title, [offer.description])
